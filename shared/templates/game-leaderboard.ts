import type { Model } from '../model/schema.js';
import { attr, dateRange, faker, param, ref, table } from './builders.js';

const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2026-11-01T00:00:00.000Z';
const NOVA = 'p-1a2b3c4d';
const ORION = 'p-5e6f7a8b';

/**
 * A game leaderboard: players and their best score per game in the player's partition, and a sparse GSI keyed by
 * game with the score as a Number sort key, so "top 10 of a game" is one Query read backwards. Player rows have no
 * `leaderboard` attribute, so they never enter the index.
 */
export const gameLeaderboard: Model = {
  format: 'monotable/1',
  name: 'game-leaderboard',
  description: 'Players and best scores per game, with a sparse GSI ranking scores per game (numeric sort key).',
  tables: [
    table({
      name: 'game-leaderboard',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      billing: { mode: 'provisioned', read: 5, write: 5 },
      globalSecondaryIndexes: [
        {
          name: 'leaderboard-index',
          partitionKey: { name: 'leaderboard', type: 'S' },
          sortKey: { name: 'score', type: 'N' },
          projection: { type: 'INCLUDE', nonKeyAttributes: ['player_id', 'player_name'] },
          throughput: { read: 5, write: 5 },
        },
      ],
      seedEntities: [
        {
          name: 'Game',
          description: 'The games of the leaderboard (seed-only: each game is a partition of the index, not a row).',
          attributes: [
            attr('game_id', 'S', {
              kind: 'one-of',
              values: ['space-race', 'tile-match', 'word-duel', 'block-drop', 'kart-cup'],
              cycle: true,
            }),
          ],
          seed: { count: 5 },
        },
      ],
      entities: [
        {
          name: 'Player',
          keys: { pk: 'PLAYER#{player_id}', sk: 'PROFILE' },
          attributes: [
            attr('player_id', 'S', { kind: 'sequence', start: 1, prefix: 'p-', pad: 8 }),
            attr('player_name', 'S', faker('internet.username')),
            attr('country', 'S', faker('location.countryCode')),
            attr('joined_at', 'S', dateRange(FROM, TO)),
            attr(
              'games',
              'SS',
              { kind: 'members', entity: 'Game', attribute: 'game_id', count: 3 },
              {
                description: 'The games the player plays (one best score each).',
              },
            ),
            attr('best_score', 'N', { kind: 'aggregate', of: 'Score', function: 'max', attribute: 'score' }),
            attr('games_played', 'N', { kind: 'aggregate', of: 'Score', function: 'count' }),
          ],
          seed: { count: 200 },
          samples: [
            {
              player_id: NOVA,
              player_name: 'nova_strike',
              country: 'SE',
              joined_at: '2026-02-11T18:20:00.000Z',
              games: ['space-race'],
              best_score: 981250,
              games_played: 1,
            },
            {
              player_id: ORION,
              player_name: 'orion42',
              country: 'BR',
              joined_at: '2026-03-05T07:45:00.000Z',
              games: ['space-race', 'tile-match'],
              best_score: 74310,
              games_played: 2,
            },
          ],
        },
        {
          name: 'Score',
          description: "A player's best score in one game; `leaderboard` is the game, which puts the row in the index.",
          keys: { pk: 'PLAYER#{player_id}', sk: 'GAME#{game_id}', leaderboard: 'GAME#{game_id}', score: '{score}' },
          attributes: [
            attr('player_id', 'S', ref('Player', 'player_id')),
            attr('player_name', 'S', ref('Player', 'player_name')),
            attr('game_id', 'S', { kind: 'member', of: 'games', attribute: 'game_id', which: 'this' }),
            attr('score', 'N', faker('number.int', { min: 0, max: 1_000_000 })),
            attr('achieved_at', 'S', dateRange(FROM, TO)),
          ],
          seed: { perMember: 'games' },
          samples: [
            {
              player_id: NOVA,
              player_name: 'nova_strike',
              game_id: 'space-race',
              score: 981250,
              achieved_at: '2026-10-02T21:14:09.000Z',
            },
            {
              player_id: ORION,
              player_name: 'orion42',
              game_id: 'space-race',
              score: 74310,
              achieved_at: '2026-09-28T16:02:51.000Z',
            },
            {
              player_id: ORION,
              player_name: 'orion42',
              game_id: 'tile-match',
              score: 5120,
              achieved_at: '2026-10-10T11:30:00.000Z',
            },
          ],
        },
      ],
      accessPatterns: [
        {
          name: 'get-player',
          description: "A player's profile.",
          entity: 'Player',
          kind: 'get',
          parameters: [param('player_id', 'The player.', NOVA)],
        },
        {
          name: 'list-player-scores',
          description: "A player's best score in every game they played.",
          entity: 'Score',
          kind: 'query',
          parameters: [param('player_id', 'The player.', ORION)],
          keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: 'begins_with' } },
        },
        {
          name: 'top-scores',
          description:
            'The top 10 of a game: the index sorts by score as a number, read backwards. One index partition per game is ' +
            'a hot partition for a hit game; shard the leaderboard key and merge the top 10 of each shard when it grows.',
          entity: 'Score',
          kind: 'query',
          index: 'leaderboard-index',
          parameters: [param('game_id', 'The game.', 'space-race')],
          keyCondition: { partition: { attribute: 'leaderboard' } },
          order: 'desc',
          limit: 10,
        },
        {
          name: 'scores-at-least',
          description: 'Every score of a game at or above a threshold (e.g. for a badge), highest first.',
          entity: 'Score',
          kind: 'query',
          index: 'leaderboard-index',
          parameters: [param('game_id', 'The game.', 'space-race'), param('min_score', 'The threshold.', '50000', 'N')],
          keyCondition: {
            partition: { attribute: 'leaderboard' },
            sort: { attribute: 'score', operator: '>=', value: '{min_score}' },
          },
          order: 'desc',
        },
        {
          name: 'record-score',
          description: "Write a player's best score for a game (replaces the previous best).",
          entity: 'Score',
          kind: 'put',
          parameters: [
            param('player_id', 'The player.', NOVA),
            param('player_name', "The player's name, copied for the leaderboard.", 'nova_strike'),
            param('game_id', 'The game.', 'tile-match'),
            param('score', 'The score.', '12000', 'N'),
            param('achieved_at', 'ISO 8601 time.', '2026-10-20T20:00:00.000Z'),
          ],
        },
      ],
    }),
  ],
};
