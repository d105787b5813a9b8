/**
 * Short explanations a learner meets next to the words they explain (the "?" tips) and on the Learn screen.
 * Each is two or three sentences: what it is, and what it means for the design in front of them.
 */
export const GLOSSARY = {
  pk: {
    term: 'Partition key (PK)',
    text:
      'The attribute DynamoDB hashes to decide where an item lives. Every read that is not a Scan names one partition key value exactly, ' +
      'so the partition key template decides which questions you can ask cheaply: items that are read together share it.',
  },
  sk: {
    term: 'Sort key (SK)',
    text:
      'Orders the items inside one partition and lets a Query take a range of them: =, <, <=, >, >=, between and begins_with. ' +
      'A time in the sort key gives "newest first"; a prefix like MSG# lets one partition hold several entities.',
  },
  gsi: {
    term: 'Global secondary index (GSI)',
    text:
      'A second copy of the items under another partition key and sort key, kept up to date by DynamoDB. Use one when a question looks items up by an ' +
      'attribute that is not the table key. Every write to an item in the index also writes the index, and is charged for it.',
  },
  lsi: {
    term: 'Local secondary index (LSI)',
    text:
      'Another sort key for the same partition key, created with the table (it cannot be added later). It allows strongly consistent reads but limits ' +
      'each partition key value to 10 GB across the table and its LSIs.',
  },
  projection: {
    term: 'Projection',
    text:
      'Which attributes an index copies: ALL, KEYS_ONLY (the table and index keys), or INCLUDE (keys plus listed attributes). ' +
      'A smaller projection makes index writes and storage cheaper, but a Query on a GSI can return only what it projects.',
  },
  sparse: {
    term: 'Sparse index',
    text:
      "An item appears in an index only if it has the index key attributes. Leave an entity's index key template empty and its items stay out: " +
      'the index then holds only the items a question is about, and costs nothing for the others.',
  },
  capacity: {
    term: 'RCU and WCU',
    text:
      'Read units: one per 4 KB read strongly consistent, half for eventually consistent, summed over a Query before rounding. ' +
      'Write units: one per 1 KB written, per item, plus one write per GSI the item is in (twice in a transaction). On-demand tables pay per unit.',
  },
  singleTable: {
    term: 'Single-table design',
    text:
      'Several entities in one table, their keys built from templates like MSG#{message_group_uuid}, so one Query returns everything a screen needs. ' +
      'You design the keys from the access patterns, not from the entities.',
  },
} as const;

export type GlossaryKey = keyof typeof GLOSSARY;

/** One step of the first-run tour: where it happens and what it points at. */
export interface TourStep {
  id: string;
  title: string;
  text: string;
  /** Screen id in the registry. */
  screen: 'diagram' | 'items' | 'patterns';
  /** Optional selection on arrival (entity, index, pattern) in the Cruddur model. */
  focus?: { kind: 'entity' | 'index' | 'pattern' | 'table'; name: string };
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'table',
    title: 'One table, two keys',
    text:
      'Cruddur keeps message groups and messages in one table, cruddur-messages. Every item has a partition key pk and a sort key sk; ' +
      'what goes into them is decided per entity by a key template.',
    screen: 'diagram',
    focus: { kind: 'table', name: 'cruddur-messages' },
  },
  {
    id: 'templates',
    title: 'Key templates',
    text:
      'A MessageGroup lives under pk = GRP#{user_uuid}, sorted by {last_message_at}: one partition per user lists their conversations, newest first. ' +
      'A Message lives under pk = MSG#{message_group_uuid}, sorted by {created_at}: one partition per conversation.',
    screen: 'diagram',
    focus: { kind: 'entity', name: 'Message' },
  },
  {
    id: 'gsi',
    title: 'The GSI',
    text:
      'message-group-sk-index re-keys the same items by message_group_uuid, so "every row of this conversation" is one Query instead of a Scan. ' +
      'Both entities write it, and each of those writes costs a GSI write.',
    screen: 'diagram',
    focus: { kind: 'index', name: 'message-group-sk-index' },
  },
  {
    id: 'items',
    title: 'The items, as DynamoDB stores them',
    text:
      'Items groups the sample items by partition key, sorted by sort key, coloured by entity. Switch the view to the GSI to see the same items ' +
      'regrouped by its keys.',
    screen: 'items',
  },
  {
    id: 'patterns',
    title: 'Access patterns',
    text:
      'Each question the app asks is an access pattern. list-messages resolves to a Query on the table, newest first; change its parameter and ' +
      'the preview runs over the sample items. Change a key template in Model and watch it follow.',
    screen: 'patterns',
    focus: { kind: 'pattern', name: 'list-messages' },
  },
];

export const TOUR_STORAGE_KEY = 'monotable.tour.cruddur.done';
