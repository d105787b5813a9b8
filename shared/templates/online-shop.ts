import type { Model } from '../model/schema.js';
import { attr, dateRange, faker, oneOf, param, ref, table } from './builders.js';

/** A value of the product this order line is for (one line per product of the order). */
const product = (attribute: string) => ({ kind: 'member', of: 'product_ids', attribute, which: 'this' }) as const;

const FROM = '2025-01-01T00:00:00.000Z';
const TO = '2026-11-01T00:00:00.000Z';
const ADA = '3f9a1c2e-7b4d-4e8f-9a1b-2c3d4e5f6a71';
const ORDER = '8b2d4f6a-1c3e-4a5b-8c7d-9e0f1a2b3c42';
const MUG = 'PRD-1001';
const TEA = 'PRD-1002';

/**
 * The classic online shop: customers and their orders in one partition, order lines under their order, products on
 * their own, a GSI (GSI1) to fetch an order with its lines by order id, and a sparse GSI of orders by status.
 */
export const onlineShop: Model = {
  format: 'monotable/1',
  name: 'online-shop',
  description:
    'Customers, orders, order lines and products in one table, with an index that fetches an order with its lines and a sparse index of orders by status.',
  tables: [
    table({
      name: 'online-shop',
      partitionKey: { name: 'PK', type: 'S' },
      sortKey: { name: 'SK', type: 'S' },
      billing: { mode: 'on-demand' },
      globalSecondaryIndexes: [
        {
          name: 'GSI1',
          partitionKey: { name: 'GSI1PK', type: 'S' },
          sortKey: { name: 'GSI1SK', type: 'S' },
          projection: { type: 'ALL' },
        },
        {
          name: 'orders-by-status',
          partitionKey: { name: 'status', type: 'S' },
          sortKey: { name: 'ordered_at', type: 'S' },
          projection: { type: 'KEYS_ONLY' },
        },
      ],
      entities: [
        {
          name: 'Customer',
          typeAttribute: { name: 'entity_type', value: 'Customer' },
          keys: { PK: 'CUSTOMER#{customer_id}', SK: 'PROFILE' },
          attributes: [
            attr('customer_id', 'S', faker('string.uuid')),
            attr('full_name', 'S', faker('person.fullName')),
            attr('email', 'S', faker('internet.email')),
            attr('created_at', 'S', dateRange(FROM, TO)),
          ],
          seed: { count: 50 },
          samples: [
            {
              customer_id: ADA,
              full_name: 'Ada Lovelace',
              email: 'ada@example.com',
              created_at: '2025-03-02T10:15:00.000Z',
            },
          ],
        },
        {
          name: 'Order',
          typeAttribute: { name: 'entity_type', value: 'Order' },
          keys: {
            PK: 'CUSTOMER#{customer_id}',
            SK: 'ORDER#{order_id}',
            GSI1PK: 'ORDER#{order_id}',
            GSI1SK: 'ORDER#{order_id}',
            status: '{status}',
            ordered_at: '{ordered_at}',
          },
          attributes: [
            attr('customer_id', 'S', ref('Customer', 'customer_id')),
            attr('order_id', 'S', faker('string.uuid')),
            attr('status', 'S', oneOf('PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
            attr('total', 'N', faker('commerce.price')),
            attr('ordered_at', 'S', dateRange(FROM, TO)),
            attr(
              'product_ids',
              'SS',
              { kind: 'members', entity: 'Product', attribute: 'product_id', count: 3 },
              {
                description: 'The products of the order (one line each), readable without the lines.',
              },
            ),
            attr('line_count', 'N', { kind: 'aggregate', of: 'OrderLine', function: 'count' }),
          ],
          seed: { perParent: { min: 0, max: 10, distribution: 'skewed' } },
          samples: [
            {
              customer_id: ADA,
              order_id: ORDER,
              status: 'SHIPPED',
              total: '31.50',
              ordered_at: '2026-10-01T08:00:00.000Z',
              product_ids: [MUG, TEA],
              line_count: 2,
            },
          ],
        },
        {
          name: 'OrderLine',
          typeAttribute: { name: 'entity_type', value: 'OrderLine' },
          keys: {
            PK: 'ORDER#{order_id}',
            SK: 'LINE#{product_id}',
            GSI1PK: 'ORDER#{order_id}',
            GSI1SK: 'LINE#{product_id}',
          },
          attributes: [
            attr('order_id', 'S', ref('Order', 'order_id')),
            attr('product_id', 'S', product('product_id')),
            attr('product_name', 'S', product('product_name')),
            attr('quantity', 'N', faker('number.int', { min: 1, max: 5 })),
            attr('unit_price', 'N', product('price')),
          ],
          seed: { perMember: 'product_ids' },
          samples: [
            { order_id: ORDER, product_id: MUG, product_name: 'Enamel Camping Mug', quantity: 2, unit_price: '9.75' },
            {
              order_id: ORDER,
              product_id: TEA,
              product_name: 'Assam Loose Leaf Tea',
              quantity: 1,
              unit_price: '12.00',
            },
          ],
        },
        {
          name: 'Product',
          typeAttribute: { name: 'entity_type', value: 'Product' },
          keys: { PK: 'PRODUCT#{product_id}', SK: 'PRODUCT' },
          attributes: [
            attr('product_id', 'S', { kind: 'sequence', start: 1000, prefix: 'PRD-' }),
            attr('product_name', 'S', faker('commerce.productName')),
            attr('department', 'S', faker('commerce.department')),
            attr('price', 'N', faker('commerce.price')),
          ],
          seed: { count: 100 },
          samples: [
            { product_id: MUG, product_name: 'Enamel Camping Mug', department: 'Outdoors', price: '9.75' },
            { product_id: TEA, product_name: 'Assam Loose Leaf Tea', department: 'Grocery', price: '12.00' },
          ],
        },
      ],
      accessPatterns: [
        {
          name: 'get-customer',
          description: "A customer's profile.",
          entity: 'Customer',
          kind: 'get',
          parameters: [param('customer_id', 'The customer.', ADA)],
        },
        {
          name: 'list-customer-orders',
          description: "A customer's orders (the order rows next to the profile in the customer's partition).",
          entity: 'Order',
          kind: 'query',
          parameters: [param('customer_id', 'The customer.', ADA)],
          keyCondition: { partition: { attribute: 'PK' }, sort: { attribute: 'SK', operator: 'begins_with' } },
        },
        {
          name: 'get-order-with-lines',
          description: 'An order and all its lines in one query: in GSI1 they share the partition ORDER#{order_id}.',
          entity: 'Order',
          kind: 'query',
          index: 'GSI1',
          parameters: [param('order_id', 'The order.', ORDER)],
          keyCondition: { partition: { attribute: 'GSI1PK' } },
        },
        {
          name: 'list-order-lines',
          description: 'The lines of an order from the table itself.',
          entity: 'OrderLine',
          kind: 'query',
          parameters: [param('order_id', 'The order.', ORDER)],
          keyCondition: { partition: { attribute: 'PK' }, sort: { attribute: 'SK', operator: 'begins_with' } },
        },
        {
          name: 'orders-by-status',
          description:
            'The newest orders with a status (the warehouse screen). Only orders have status and ordered_at, so the index is ' +
            'sparse. Five statuses make five index partitions: fine for a shop, but at thousands of orders per second ' +
            'write-shard the key (e.g. "PAID#3") and query each shard.',
          entity: 'Order',
          kind: 'query',
          index: 'orders-by-status',
          parameters: [param('status', 'PLACED, PAID, SHIPPED, DELIVERED or CANCELLED.', 'SHIPPED')],
          keyCondition: { partition: { attribute: 'status' } },
          order: 'desc',
          limit: 50,
        },
        {
          name: 'get-product',
          description: 'A product by id.',
          entity: 'Product',
          kind: 'get',
          parameters: [param('product_id', 'The product.', MUG)],
        },
        {
          name: 'update-order-status',
          description:
            "Change an order's status; the orders-by-status index is keyed on status itself, so it moves the order to its new partition with no extra write.",
          entity: 'Order',
          kind: 'update',
          parameters: [
            param('customer_id', 'The customer.', ADA),
            param('order_id', 'The order.', ORDER),
            param('status', 'The new status.', 'DELIVERED'),
          ],
          set: ['status'],
        },
      ],
    }),
  ],
};
