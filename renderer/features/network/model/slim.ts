import type { Encounter, Person, Tie } from '../../../../shared/domain/entities';

// The worker needs who met whom, when, where and how, not the free text: notes can run to 20,000
// characters each, and every character sent is cloned on the main thread.

export function slimPerson(p: Person): Person {
  return { ...p, fieldTimes: {}, notes: '', howWeMet: '', emails: [], phones: [], links: [], aliases: [] };
}

export function slimEncounter(e: Encounter): Encounter {
  return { ...e, fieldTimes: {}, notes: '', title: '', place: '' };
}

export function slimTie(t: Tie): Tie {
  return { ...t, fieldTimes: {}, notes: '' };
}
