import { UndirectedGraph } from 'graphology';
import writeGexfGraph from 'graphology-gexf/common/writer.js';
import { XMLBuilder } from 'fast-xml-parser';
import { isRealDay } from '../../domain/validation';
import { buildTimeIndex, networkAt, type StrengthSettings } from '../../network';
import type { JournalData } from './journal';

/** What Gephi gets for each person: Kith's words, one attribute each. */
export interface ExportNode {
  label: string;
  kind: 'owner' | 'person';
  /** The owner's tie with them at the date (1 for the owner, 0 if never met). */
  strength: number;
  /** The day they appeared on the map. */
  appears: string;
  organisation: string;
  tags: string;
}

export interface ExportEdge {
  /** Tie strength at the date, 0..1: Gephi's edge weight. */
  weight: number;
  kind: 'owner' | 'pair';
  /** The explicit relationship ('family', 'colleagues'…) if the owner recorded one, else ''. */
  relationship: string;
}

export type ExportGraph = UndirectedGraph<ExportNode, ExportEdge>;

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The network on `day` exactly as the map shows it (shared/network's time index and networkAt): the
 * owner, everyone on the map by then, and every tie at least minEdgeStrength strong.
 */
export function networkGraphAt(journal: JournalData, day: string, settings?: StrengthSettings): ExportGraph {
  if (!isRealDay(day))
    throw new RangeError(`The network date must be a real day like 2026-11-26, not “${day}”.`);
  const index = buildTimeIndex(journal.people, journal.encounters, journal.ties, settings);
  const at = networkAt(index, day);
  const people = new Map(journal.people.map((p) => [p.id, p]));
  const graph: ExportGraph = new UndirectedGraph<ExportNode, ExportEdge>();
  graph.setAttribute('description', `Kith network on ${day}, tie strengths at that date`);
  at.forEachNode((id, a) => {
    const p = people.get(id);
    graph.addNode(id, {
      label: p?.name ?? a.name,
      kind: a.kind,
      strength: round(a.strength),
      appears: a.appears,
      organisation: p?.organisation ?? '',
      tags: (p?.tags ?? []).join(', '),
    });
  });
  at.forEachEdge((key, a, source, target) => {
    graph.addUndirectedEdgeWithKey(`t${key}`, source, target, {
      weight: round(a.strength),
      kind: a.kind,
      relationship: index.ties[a.tie]?.explicitKind ?? '',
    });
  });
  return graph;
}

/** GEXF 1.3 for Gephi, written by graphology-gexf: label, attributes, and strength as the edge weight. */
export function exportNetworkGexf(journal: JournalData, day: string, settings?: StrengthSettings): string {
  const graph = networkGraphAt(journal, day, settings);
  return writeGexfGraph(graph, {
    version: '1.3',
    formatNode: (_key, { label, ...attributes }) => ({ label, attributes }),
    formatEdge: (_key, { weight, ...attributes }) => ({
      weight,
      attributes: { ...attributes, strength: weight },
    }),
  });
}

const NODE_KEYS = [
  ['label', 'string'],
  ['kind', 'string'],
  ['strength', 'double'],
  ['appears', 'string'],
  ['organisation', 'string'],
  ['tags', 'string'],
] as const;
const EDGE_KEYS = [
  ['weight', 'double'],
  ['kind', 'string'],
  ['relationship', 'string'],
] as const;

/**
 * GraphML (graphology has no GraphML writer; fast-xml-parser's builder does the XML and its
 * escaping). Keys are declared once with their types, as Gephi and yEd expect.
 */
export function exportNetworkGraphml(journal: JournalData, day: string, settings?: StrengthSettings): string {
  const graph = networkGraphAt(journal, day, settings);
  const keys = [
    ...NODE_KEYS.map(([name, type]) => ({
      '@_id': `n_${name}`,
      '@_for': 'node',
      '@_attr.name': name,
      '@_attr.type': type,
    })),
    ...EDGE_KEYS.map(([name, type]) => ({
      '@_id': `e_${name}`,
      '@_for': 'edge',
      '@_attr.name': name,
      '@_attr.type': type,
    })),
  ];
  const nodes = graph.mapNodes((id, a) => ({
    '@_id': id,
    data: NODE_KEYS.map(([name]) => ({ '@_key': `n_${name}`, '#text': String(a[name]) })),
  }));
  const edges = graph.mapEdges((key, a, source, target) => ({
    '@_id': key,
    '@_source': source,
    '@_target': target,
    data: EDGE_KEYS.map(([name]) => ({ '@_key': `e_${name}`, '#text': String(a[name]) })),
  }));
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
  });
  const body = builder.build({
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: keys,
      graph: {
        '@_id': `kith-${day}`,
        '@_edgedefault': 'undirected',
        desc: graph.getAttribute('description'),
        node: nodes,
        edge: edges,
      },
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
