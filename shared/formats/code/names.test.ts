import { describe, expect, it } from 'vitest';
import { camelCase, pascalCase, snakeCase, uniqueNames } from './names.js';

describe('identifiers for generated code', () => {
  it('turns pattern, parameter and entity names into camelCase, PascalCase and snake_case', () => {
    expect(camelCase('list-message-groups')).toBe('listMessageGroups');
    expect(camelCase('message_group_uuid')).toBe('messageGroupUuid');
    expect(camelCase('State#Date')).toBe('stateDate');
    expect(camelCase('data-size')).toBe('dataSize');
    expect(pascalCase('order line')).toBe('OrderLine');
    expect(pascalCase('MessageGroup')).toBe('MessageGroup');
    expect(snakeCase('listMessageGroups')).toBe('list_message_groups');
    expect(snakeCase('State#Date')).toBe('state_date');
  });

  it('never produces a keyword, a leading digit or an empty name', () => {
    expect(camelCase('delete')).toBe('delete_');
    expect(camelCase('class')).toBe('class_');
    expect(snakeCase('from')).toBe('from_');
    expect(snakeCase('lambda')).toBe('lambda_');
    expect(snakeCase('str')).toBe('str_');
    expect(camelCase('2fa-codes')).toBe('_2faCodes');
    expect(snakeCase('2fa')).toBe('_2fa');
    expect(pascalCase('3d')).toBe('_3d');
    expect(camelCase('---')).toBe('value');
  });

  it('keeps names unique when two convert to the same identifier', () => {
    expect(uniqueNames(['list-users', 'list_users', 'listUsers'], camelCase)).toEqual([
      'listUsers',
      'listUsers2',
      'listUsers3',
    ]);
    expect(uniqueNames(['a', 'a', 'a2'], camelCase)).toEqual(['a', 'a2', 'a22']);
  });
});
