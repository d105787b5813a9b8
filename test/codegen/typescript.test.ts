import { describe, expect, it } from 'vitest';
import { generateTypeScript } from '../../shared/formats/code/typescript.js';
import { isMonotableError } from '../../shared/errors/monotable-error.js';
import { TEMPLATES } from '../../shared/templates/index.js';
import { codegenFolder, compileTypeScript } from './compile-generated.js';
import { edgeCaseModel } from './edge-case-model.js';

const cruddur = TEMPLATES.find((t) => t.name === 'cruddur-messaging')!.model;

function functionSource(source: string, name: string): string {
  const start = source.indexOf(`export async function ${name}(`);
  expect(start, `function ${name}`).toBeGreaterThan(0);
  return source.slice(start, source.indexOf('\n}\n', start) + 2);
}

describe('generateTypeScript', () => {
  it('writes list-messages as a Query on pk = MSG#${messageGroupUuid}, newest first, limit 20, with paging', () => {
    const fn = functionSource(generateTypeScript(cruddur), 'listMessages');
    expect(fn).toContain(
      'listMessages(client: DynamoDBDocumentClient, params: ListMessagesParams, exclusiveStartKey?: PageKey): Promise<Page<Message>>',
    );
    expect(fn).toContain('new QueryCommand(');
    expect(fn).toContain("KeyConditionExpression: '#k0 = :v0'");
    expect(fn).toContain("'#k0': 'pk'");
    expect(fn).toContain("':v0': `MSG#${params.messageGroupUuid}`");
    expect(fn).toContain('ScanIndexForward: false');
    expect(fn).toContain('Limit: 20');
    expect(fn).toContain('ExclusiveStartKey: exclusiveStartKey');
    expect(fn).toContain('lastEvaluatedKey: output.LastEvaluatedKey');
  });

  it('documents each function with the pattern description and its summary', () => {
    const source = generateTypeScript(cruddur);
    expect(source).toContain(
      ' * The latest 20 messages of a conversation, newest first.\n *\n * Query cruddur-messages where pk = MSG#{message_group_uuid}, newest first, limit 20.\n */\nexport async function listMessages',
    );
    expect(source).toContain("IndexName: 'message-group-sk-index'");
    expect(source).toMatch(/export async function findGroupRows\(/);
    expect(source).toMatch(
      /export async function updateMessageGroup\(client: DynamoDBDocumentClient, params: UpdateMessageGroupParams\): Promise<void>/,
    );
  });

  it('types parameters from how they are used: a Number key parameter is a number', () => {
    const leaderboard = TEMPLATES.find((t) => t.name === 'game-leaderboard')!.model;
    const source = generateTypeScript(leaderboard);
    expect(source).toMatch(/export interface ScoresAtLeastParams \{[\s\S]*?minScore: number;/);
    expect(source).toContain("':v1': params.minScore");
  });

  it('types an item-collection query as the union of the entities its partition holds, told apart by the type attribute', () => {
    const shop = generateTypeScript(TEMPLATES.find((t) => t.name === 'online-shop')!.model);
    expect(shop).toContain(
      'getOrderWithLines(client: DynamoDBDocumentClient, params: GetOrderWithLinesParams, exclusiveStartKey?: PageKey): Promise<Page<Order | OrderLine>>',
    );
    // The customer's partition also holds the profile, but begins_with ORDER# rules it out.
    expect(shop).toContain('Promise<Page<Order>>');
    expect(shop).toMatch(/export interface OrderLine \{[\s\S]*?entity_type: 'OrderLine';/);
  });

  it('leaves out a pattern with errors, saying why, and aliases reserved and dashed names', () => {
    const source = generateTypeScript(edgeCaseModel);
    // The index name holds a line break and a line separator: the comment stays one line.
    expect(source).toContain(
      '// broken: not generated, the pattern has errors: Access pattern "broken": table "edge.cases-v2" has no index "no-such-index // or a line break ".',
    );
    expect(source).not.toContain('function broken');
    expect(source).toContain("'#k1': 'data-size'");
    expect(source).toContain("'data-size': params.dataSize");
    expect(source).toContain('export async function delete_(');
    // An index query returns only the projected attributes (KEYS_ONLY LSI, INCLUDE GSI): partial items.
    expect(source).toContain(
      'eventsByDate(client: DynamoDBDocumentClient, params: EventsByDateParams, exclusiveStartKey?: PageKey): Promise<Page<Partial<Event>>>',
    );
    expect(source).toContain('Promise<Page<Partial<Event>>>');
  });

  it('generates one table with { table } and refuses an unknown table with the names it knows', () => {
    expect(generateTypeScript(cruddur, { table: 'cruddur-messages' })).toContain(
      "'cruddur-messages': 'cruddur-messages'",
    );
    let caught: unknown;
    try {
      generateTypeScript(cruddur, { table: 'nope' });
    } catch (error) {
      caught = error;
    }
    expect(isMonotableError(caught) && caught.code === 'NOT_FOUND' && caught.details.hint).toBe(
      'Use one of: cruddur-messages.',
    );
  });

  it('compiles without errors under strict settings for every template and the edge-case model', () => {
    const files = Object.fromEntries(
      [...TEMPLATES.map((t) => t.model), edgeCaseModel].map((m) => [`${m.name}.ts`, generateTypeScript(m)]),
    );
    const { status, output } = compileTypeScript(codegenFolder('ts'), files);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('fails to compile when the generated code is wrong (the compile check can fail)', () => {
    const broken = generateTypeScript(cruddur).replace('params.messageGroupUuid', 'params.messageGroupId');
    const { status, output } = compileTypeScript(codegenFolder('ts-broken'), { 'broken.ts': broken });
    expect(status).not.toBe(0);
    expect(output).toContain("Property 'messageGroupId' does not exist");
  });
});
