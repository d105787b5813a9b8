import type { Attribute } from '../../../../shared/model/schema.js';

/** What owns attributes: an entity or a seed-only entity (forms for attributes need only these two fields). */
export interface AttributeOwner {
  name: string;
  attributes: Attribute[];
}
