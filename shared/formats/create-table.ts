import type { Model } from '../model/schema.js';
import { findTable } from '../model/find-table.js';
import {
  attributeDefinitions,
  globalIndexes,
  keySchema,
  localIndexes,
  tagList,
  throughput,
  type Json,
} from './table-definition.js';

export interface CreateTableDocuments {
  /** The input of `aws dynamodb create-table --cli-input-json` (the CreateTable API request body). */
  createTable: Json;
  /** When the table has a TTL attribute: the input of `aws dynamodb update-time-to-live --cli-input-json`. */
  timeToLive?: Json;
}

/**
 * One table of the model as CreateTable JSON. On-demand tables carry no throughput anywhere (AWS rejects it);
 * provisioned tables carry it on the table and every GSI. Encryption: AWS owned → `Enabled: false` (the
 * service default), AWS managed → KMS, customer key → KMS with the key id. TTL cannot be set by CreateTable,
 * so it is a second document; point-in-time recovery and auto-scaling are separate APIs and are not written here
 * (CloudFormation export carries them).
 */
export function createTableDocuments(model: Model, tableName: string): CreateTableDocuments {
  const table = findTable(model, tableName);
  const doc: Json = {
    TableName: table.name,
    AttributeDefinitions: attributeDefinitions(table),
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    BillingMode: table.billing.mode === 'on-demand' ? 'PAY_PER_REQUEST' : 'PROVISIONED',
  };
  if (table.billing.mode === 'provisioned')
    doc.ProvisionedThroughput = throughput(table.billing.read, table.billing.write);
  const gsis = globalIndexes(table);
  if (gsis.length > 0) doc.GlobalSecondaryIndexes = gsis;
  const lsis = localIndexes(table);
  if (lsis.length > 0) doc.LocalSecondaryIndexes = lsis;
  if (table.stream) doc.StreamSpecification = { StreamEnabled: true, StreamViewType: table.stream };
  const encryption = table.encryption;
  if (encryption) {
    doc.SSESpecification =
      encryption.type === 'aws-owned'
        ? { Enabled: false }
        : encryption.type === 'aws-managed'
          ? { Enabled: true, SSEType: 'KMS' }
          : { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: encryption.kmsKeyId };
  }
  if (table.tableClass) doc.TableClass = table.tableClass;
  // Only when on: off is the service default, and CLIs older than the parameter (Debian's awscli 2.9) reject it.
  if (table.deletionProtection) doc.DeletionProtectionEnabled = true;
  const tags = tagList(table.tags);
  if (tags.length > 0) doc.Tags = tags;
  const documents: CreateTableDocuments = { createTable: doc };
  if (table.ttlAttribute) {
    documents.timeToLive = {
      TableName: table.name,
      TimeToLiveSpecification: { Enabled: true, AttributeName: table.ttlAttribute },
    };
  }
  return documents;
}
