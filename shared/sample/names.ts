/**
 * Small built-in word lists. Names are combined (first x last), so a few hundred words give tens of
 * thousands of distinct, plausible people without shipping a names database.
 */

function words(text: string): readonly string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** One entry a line; '\\n' inside an entry stands for a line break (used by the Markdown notes). */
function lines(text: string): readonly string[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replaceAll('\\n', '\n'));
}

export const FIRST_NAMES = words(`
Ada Aisha Alan Alba Amara Amir Ana Anders Anika Arjun Astrid Ben Bianca Bruno Camille Carlos Chen
Chloe Clara Dara David Dev Diego Elena Eli Emeka Emma Erik Esme Farah Felix Fatima Finn Freya
Gabriel Grace Hana Hannah Hugo Ibrahim Ines Isaac Ivy Jamal James Jana Jonas Julia Kai Kamala Kenji
Kofi Lara Leila Leo Lina Luca Lucia Maya Malik Marco Maria Mateo Mei Mila Mohammed Nadia Naomi Nia
Nikolai Noah Nora Olga Omar Oscar Paula Priya Rafael Rania Ravi Rosa Ruth Sam Sara Sean Sofia Soren
Tariq Tess Theo Tomas Uma Valentina Victor Wei Xavier Yara Yusuf Zara Zoe
`);

export const LAST_NAMES = words(`
Abbott Adeyemi Ahmed Alvarez Andersson Bauer Becker Bianchi Brown Byrne Campbell Chen Costa Das
Dubois Dunn Eriksen Evans Fischer Fernandes Garcia Gill Gonzalez Gupta Hansen Hoffmann Hughes
Ibrahim Ito Jansen Johnson Jones Kaur Khan Kim Kowalski Kumar Larsen Laurent Lee Lopez Martin Meyer
Moreau Morris Murphy Nakamura Nguyen Novak Nowak O'Brien Okafor Olsen Park Patel Perez Petrov Quinn
Ramirez Reyes Ricci Rossi Sato Schmidt Schneider Silva Singh Smith Sokolov Suzuki Svensson Tanaka
Taylor Thomas Torres Tran Turner Vargas Walsh Wang Watanabe Weber Williams Wilson Wong Wright
Yamamoto Yilmaz Young Zhang Zielinski Mensah Haddad Farouk Lindqvist Moretti Castillo Horvat Mbeki
Rahman
`);

export const ORGANISATIONS = lines(`
Northwind
Bluebell Labs
Cobalt & Co
Harbour Health
Juniper Systems
Kestrel Energy
Lumen Studio
Meridian Bank
Oakridge School
Pioneer Logistics
Quarry Books
Riverside Clinic
Saffron Foods
Tidewater Consulting
Umbra Games
Vantage Legal
Willow Architects
Zenith Media
`);

export const ROLES = lines(`
Engineer
Designer
Product manager
Teacher
Nurse
Founder
Accountant
Researcher
Sales lead
Recruiter
Lawyer
Architect
Writer
Student
Chef
Consultant
Director
`);

export const TAGS = words(`
mentor investor parent designer developer runner reader musician hiring family neighbour climbing
chess board press speaker
`);

export const PLACES = lines(`
Café Nero on High Street
The Old Library
Town Hall
Riverside Park
Community Centre
Main Street Bakery
The Crown
Conference Centre
Station Café
Market Square
`);

export const NOTES = lines(`
Talked about **their new project**; worth following up.
Short catch-up. They are moving house next month.
Recommended a book: *Thinking in Systems*.
They asked for an introduction to someone in design.
Good conversation about schools and commuting.
- hiring soon\n- likes trail running
`);

export const FOLLOW_UPS = lines(`
Send the article we discussed
Introduce them to a contact
Ask how the interview went
Share the slides
Invite to the next meetup
Return the borrowed book
Check in after the move
`);
