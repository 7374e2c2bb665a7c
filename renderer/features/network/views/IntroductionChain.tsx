import { Link } from 'wouter';
import type { IntroductionPath } from '../../../../shared/network';
import { strengthWord } from '../../../../shared/network/explain';
import { paths } from '../../../app/paths';
import { formatDayShort } from '../../encounters';

interface Props {
  chain: IntroductionPath;
  ownerId: string;
  nameOf(personId: string): string;
  targetName: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Me → Ana (strong, 62%, last contact 3 Mar 2026) → Ben …: each link with its strength and last contact. */
export function IntroductionChain({ chain, ownerId, nameOf, targetName }: Props) {
  return (
    <ol className="reach__chain" aria-label={`Strongest introduction chain to ${targetName}`}>
      <li className="reach__person">Me</li>
      {chain.links.map((link) => {
        const when = link.lastContact
          ? `${link.from === ownerId ? 'last contact' : 'last seen together'} ${formatDayShort(link.lastContact)}`
          : 'never seen together';
        return (
          <li key={link.tie} className="row">
            <span className="reach__link">
              <span>
                {strengthWord(link.strength)} {pct(link.strength)}
              </span>
              <span>{when}</span>
            </span>
            <Link className="reach__person" href={paths.person(link.to)}>
              {nameOf(link.to)}
            </Link>
          </li>
        );
      })}
    </ol>
  );
}

/** "Through Ana Lopez and Ben Ode; the chain holds with a chance of about 12%." */
export function chainSummary(chain: IntroductionPath, nameOf: (id: string) => string): string {
  const middle = chain.people.slice(1, -1).map(nameOf);
  if (middle.length === 0) {
    return `You know them yourself: a ${strengthWord(chain.strength).toLowerCase()} tie (${pct(chain.strength)}).`;
  }
  const via =
    middle.length === 1 ? middle[0] : `${middle.slice(0, -1).join(', ')} and ${middle[middle.length - 1]}`;
  return `${middle.length === 1 ? 'One introduction' : `${middle.length} introductions`}, through ${via}; if each tie holds as strongly as it is, the chain holds with a chance of about ${pct(chain.strength)}.`;
}
