import type { Model, Table } from '../../shared/model/schema.js';

/** A table with the parts drift and creation care about: two GSIs (one INCLUDE of two attributes), an LSI, TTL. */
export const ordersTable: Table = {
  name: 'Orders',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  billing: { mode: 'on-demand' },
  globalSecondaryIndexes: [
    {
      name: 'by-customer',
      partitionKey: { name: 'customer_id', type: 'S' },
      sortKey: { name: 'created_at', type: 'S' },
      projection: { type: 'ALL' },
    },
    {
      name: 'by-status',
      partitionKey: { name: 'order_status', type: 'S' },
      projection: { type: 'INCLUDE', nonKeyAttributes: ['order_id', 'total'] },
    },
  ],
  localSecondaryIndexes: [
    { name: 'by-created', sortKey: { name: 'created_at', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
  ],
  ttlAttribute: 'expires_at',
  entities: [
    {
      name: 'Order',
      keys: {
        pk: 'CUSTOMER#{customer_id}',
        sk: 'ORDER#{order_id}',
        customer_id: '{customer_id}',
        created_at: '{created_at}',
        order_status: '{order_status}',
      },
      attributes: [
        { name: 'customer_id', type: 'S' },
        { name: 'order_id', type: 'S' },
        { name: 'created_at', type: 'S' },
        { name: 'order_status', type: 'S' },
        { name: 'total', type: 'N' },
      ],
    },
  ],
  accessPatterns: [],
};

export function ordersModel(table: Partial<Table> = {}): Model {
  return { format: 'monotable/1', name: 'orders', tables: [{ ...ordersTable, ...table }] };
}
