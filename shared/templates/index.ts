import type { Model } from '../model/schema.js';
import { cruddurMessaging } from './cruddur-messaging.js';
import { gameLeaderboard } from './game-leaderboard.js';
import { multiTenantSaas } from './multi-tenant-saas.js';
import { onlineShop } from './online-shop.js';

/** A built-in model that `monotable new --template NAME` writes and the app offers on its start page. */
export interface ModelTemplate {
  name: string;
  title: string;
  description: string;
  model: Model;
}

export const TEMPLATES: readonly ModelTemplate[] = [
  {
    name: 'cruddur-messaging',
    title: 'Cruddur messaging',
    description:
      'The worked example: message groups per user, messages per group, a GSI to find the rows of a conversation.',
    model: cruddurMessaging,
  },
  {
    name: 'online-shop',
    title: 'Online shop',
    description:
      'Customers, orders, order lines and products; an index to fetch an order with its lines, and orders by status.',
    model: onlineShop,
  },
  {
    name: 'multi-tenant-saas',
    title: 'Multi-tenant SaaS',
    description:
      'Tenant-prefixed keys for users, projects and invites; a GSI to find tenants and invites by e-mail; TTL on invites.',
    model: multiTenantSaas,
  },
  {
    name: 'game-leaderboard',
    title: 'Game leaderboard',
    description: 'Players and best scores; a sparse GSI with a Number sort key ranks each game.',
    model: gameLeaderboard,
  },
];

export function templateNames(): string[] {
  return TEMPLATES.map((t) => t.name);
}

/**
 * The template of that name with a fresh copy of its model (callers may change it freely), or undefined;
 * callers list `templateNames()` in their error hint.
 */
export function findTemplate(name: string): ModelTemplate | undefined {
  const found = TEMPLATES.find((t) => t.name === name);
  return found ? { ...found, model: JSON.parse(JSON.stringify(found.model)) as Model } : undefined;
}
