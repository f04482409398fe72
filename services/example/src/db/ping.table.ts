import type { Generated, Selectable } from 'kysely';

/** Row types of the example schema. */
export interface PingsTable {
  id: string;
  tenant_id: string;
  message: string;
  author_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PingReceiptsTable {
  tenant_id: string;
  ping_id: string;
  event_id: string;
  received_at: Generated<Date>;
}

export type PingRow = Selectable<PingsTable>;

export interface ExampleDatabase {
  'example.pings': PingsTable;
  'example.ping_receipts': PingReceiptsTable;
}
