import type Database from 'better-sqlite3';
import type { StoreProfile } from '../../../../shared/contract';
import { appendEvent } from '../../sync/event-log';

interface Row {
  business_no: string;
  name: string;
  representative: string;
  phone: string;
  address1: string;
  address2: string;
  post_no: string;
  cid: string;
  category_cd: number;
  created_at: string;
  approved_at: string;
  registered_at: string;
}

export class StoreRepo {
  constructor(private readonly db: Database.Database) {}

  get(): StoreProfile | null {
    const r = this.db.prepare('SELECT * FROM store_profile WHERE id = 1').get() as Row | undefined;
    if (!r) return null;
    return {
      businessNo: r.business_no,
      name: r.name,
      representative: r.representative,
      phone: r.phone,
      address1: r.address1,
      address2: r.address2,
      postNo: r.post_no,
      cid: r.cid,
      categoryCd: r.category_cd,
      createdAt: r.created_at,
      approvedAt: r.approved_at,
      registeredAt: r.registered_at,
    };
  }

  save(p: StoreProfile): void {
    this.db.transaction(() => {
      this.upsert(p);
      appendEvent(this.db, 'store.saved', p); // issue 14: event log
    })();
  }

  /** Writes the profile without an event: a rebuild replaying 'store.saved', or data pulled down from the head office (which wins). */
  upsert(p: StoreProfile): void {
    this.db
      .prepare(
        `INSERT INTO store_profile (id, business_no, name, representative, phone, address1, address2, post_no, cid, category_cd, created_at, approved_at, registered_at)
         VALUES (1, @businessNo, @name, @representative, @phone, @address1, @address2, @postNo, @cid, @categoryCd, @createdAt, @approvedAt, @registeredAt)
         ON CONFLICT (id) DO UPDATE SET business_no = excluded.business_no, name = excluded.name, representative = excluded.representative,
           phone = excluded.phone, address1 = excluded.address1, address2 = excluded.address2, post_no = excluded.post_no, cid = excluded.cid,
           category_cd = excluded.category_cd, created_at = excluded.created_at, approved_at = excluded.approved_at, registered_at = excluded.registered_at`,
      )
      .run(p);
  }
}
