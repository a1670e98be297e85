import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService, type Actor } from '@kooperant/identity';
import {
  addMember,
  insertCluster,
  insertUser,
  registerFirm,
  verifyFirm,
  type TestFirm,
} from '@kooperant/identity/testing';
import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, type TestApp } from '@kooperant/platform-testing';
import { OrdersModule } from '../orders.module';
import { OrderService, type OrderView } from '../order/order.service';
import { OrderErrorCode } from '../order/order.errors';
import { DOCUMENT_ENTITIES } from './document.entities';
import { DocumentService } from './document.service';
import { DOCUMENT_STORAGE, DocumentBytesMissingError, documentStorageKey } from './document-storage';
import { DOCUMENT_OPTIONS, type DocumentOptions } from './document-options';
import { DocumentErrorCode } from './document.errors';
import { LocalDiskStorage } from './local-disk.storage';

const MAX_BYTES = 64 * 1024;
/** The storage root of this file's run, a fresh folder under the system's temporary one. */
let root: string;

/** The service with its own storage root and a small maximum; selected by module, so that no other copy answers. */
@Module({
  imports: [OrdersModule, TypeOrmModule.forFeature(DOCUMENT_ENTITIES)],
  providers: [
    { provide: DOCUMENT_OPTIONS, useFactory: (): DocumentOptions => ({ storageDir: root, maxBytes: MAX_BYTES }) },
    { provide: DOCUMENT_STORAGE, useFactory: () => new LocalDiskStorage(root) },
    DocumentService,
  ],
})
class DocumentsUnderTest {}
const DAY = 86_400_000;
const days = (n: number) => new Date(Date.now() + n * DAY);

const pdf = (text = 'frame A1') => Buffer.from(`%PDF-1.7\n% ${text} ${randomUUID()}\n%%EOF\n`, 'latin1');
const png = () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readAll(stream: Buffer | NodeJS.ReadableStream): Promise<Buffer> {
  if (Buffer.isBuffer(stream)) return stream;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('DocumentService', () => {
  let app: TestApp;
  let documents: DocumentService;
  let clusterId: string;

  const actorFor = (userId: string): Actor => app.get(AccessService).actorFor(userId);
  const filesOf = async (orderId: string) => readdir(join(root, orderId)).catch(() => [] as string[]);
  const rowsOf = (orderId: string) =>
    app.db.query(`SELECT id FROM order_document WHERE order_id = $1`, [orderId]) as Promise<unknown[]>;
  const eventsOf = (orderId: string) =>
    app.db.query(
      `SELECT payload, actor_user_id FROM outbox_event WHERE type = 'order.document-added' AND aggregate_id = $1`,
      [orderId],
    ) as Promise<{ payload: Record<string, unknown>; actor_user_id: string }[]>;

  /** A verified firm of the cluster posts a draft of two packages; `publish` opens it to the cluster's suppliers. */
  async function postedOrder(publish = false): Promise<{ view: OrderView; buyer: Actor; firm: TestFirm }> {
    const firm = await registerFirm(app, 'PL');
    await verifyFirm(app, firm, clusterId);
    const packages = [
      { key: 'cut', title: 'Cięcie laserowe', processCode: 'process.laser-cutting', after: [] as string[] },
      { key: 'weld', title: 'Spawanie', processCode: 'process.mig-mag-welding', after: ['cut'] },
    ];
    const orders = app.get(OrderService);
    let view = await orders.createOrder(
      firm.admin,
      {
        buyerFirmId: firm.firmId,
        language: 'pl',
        title: 'Rama spawana, 40 szt.',
        delivery: {
          street: 'ul. Przemysłowa 1',
          city: 'Białystok',
          postcode: '15-001',
          country: 'PL',
          lat: 53.13,
          lng: 23.16,
        },
        deliveryDate: days(60),
        currency: 'PLN',
        visibility: 'cluster',
        quoteDeadline: days(10),
        workPackages: packages.map((p) => ({ ...p, quantity: 40, quantityUnit: 'pcs', dueDate: days(30) })),
      },
      `order-${randomUUID()}`,
    );
    if (publish) view = await orders.publishOrder(firm.admin, view.order.id);
    return { view, buyer: firm.admin, firm };
  }

  /** A user of another verified firm of the same cluster: a supplier the order is open to once published. */
  async function supplier(): Promise<Actor> {
    const firm = await registerFirm(app, 'PL');
    await verifyFirm(app, firm, clusterId);
    return firm.admin;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kooperant-documents-'));
    app = await createTestApp([DocumentsUnderTest]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    documents = app.module.select(DocumentsUnderTest).get(DocumentService, { strict: true });
  });

  beforeEach(async () => {
    await app.reset(['taxonomy_entry']);
    clusterId = await insertCluster(app.db, 'PL');
  });

  afterAll(async () => {
    await app?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  describe('upload', () => {
    it('stores a PDF the buyer attaches under <order>/<document>, with its size, SHA-256 and an outbox event', async () => {
      const { view, buyer, firm } = await postedOrder();
      const buyerFirmId = firm.firmId;
      const bytes = pdf();

      const doc = await documents.upload(buyer, { orderId: view.order.id, fileName: 'Rama A1.pdf', bytes });

      expect(doc).toMatchObject({
        orderId: view.order.id,
        packageId: null,
        fileName: 'Rama A1.pdf',
        kind: 'pdf',
        mime: 'application/pdf',
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
        uploadedBy: buyer.userId,
        uploadedByFirmId: buyerFirmId,
      });
      expect(doc.createdAt).toBeInstanceOf(Date);
      expect(await readFile(join(root, view.order.id, doc.id))).toEqual(bytes);
      expect(await filesOf(view.order.id)).toEqual([doc.id]);
      const [event] = await eventsOf(view.order.id);
      expect(event).toEqual({
        actor_user_id: buyer.userId,
        payload: {
          documentId: doc.id,
          orderId: view.order.id,
          packageId: null,
          quoteId: null,
          buyerFirmId,
          clusterId,
          kind: 'pdf',
          sizeBytes: bytes.length,
          sha256: doc.sha256,
        },
      });
    });

    it('lets a plain member of the buyer firm attach to one of the order’s work packages', async () => {
      const { view, firm } = await postedOrder();
      const memberId = await addMember(app, firm);
      const weld = view.packages.find((p) => p.key === 'weld')!;

      const doc = await documents.upload(actorFor(memberId), {
        orderId: view.order.id,
        packageId: weld.id.toUpperCase(),
        fileName: 'spoina',
        bytes: png(),
      });

      expect(doc).toMatchObject({ packageId: weld.id, fileName: 'spoina.png', kind: 'png', uploadedBy: memberId });
    });

    it('rejects a work package of another order as VALIDATION_FAILED on packageId', async () => {
      const { view, buyer } = await postedOrder();
      const other = await postedOrder();
      const e = await domainError(
        documents.upload(buyer, {
          orderId: view.order.id,
          packageId: other.view.packages[0].id,
          fileName: 'a.pdf',
          bytes: pdf(),
        }),
      );
      expect([e.code, e.field]).toEqual([ErrorCode.VALIDATION_FAILED, 'packageId']);
    });

    it('answers a stranger, a supplier who sees the order and an unknown order with ORDER_NOT_FOUND', async () => {
      const { view } = await postedOrder(true);
      const stranger = actorFor(await insertUser(app.db));
      for (const [actor, orderId] of [
        [stranger, view.order.id],
        [await supplier(), view.order.id],
        [stranger, randomUUID()],
        [stranger, 'not-a-uuid'],
      ] as const) {
        const e = await domainError(documents.upload(actor, { orderId, fileName: 'a.pdf', bytes: pdf() }));
        expect(e.code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
      }
      expect(await filesOf(view.order.id)).toEqual([]);
    });

    it('rejects PNG bytes named .pdf with DOCUMENT_TYPE_MISMATCH, saying both types, and stores nothing', async () => {
      const { view, buyer } = await postedOrder();
      const e = await domainError(
        documents.upload(buyer, { orderId: view.order.id, fileName: 'rama.pdf', bytes: png() }),
      );
      expect(e.code).toBe(DocumentErrorCode.DOCUMENT_TYPE_MISMATCH);
      expect(e.field).toBe('fileName');
      expect(e.message).toContain('says a PDF document (.pdf), but the content is a PNG image');
      expect(await filesOf(view.order.id)).toEqual([]);
      expect(await rowsOf(view.order.id)).toEqual([]);
    });

    it('rejects content of no accepted type with DOCUMENT_TYPE_UNSUPPORTED, whatever the name', async () => {
      const { view, buyer } = await postedOrder();
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      const e = await domainError(
        documents.upload(buyer, { orderId: view.order.id, fileName: 'rama.pdf', bytes: html }),
      );
      expect([e.code, e.field]).toEqual([DocumentErrorCode.DOCUMENT_TYPE_UNSUPPORTED, 'file']);
    });

    it('rejects a file over the maximum with DOCUMENT_TOO_LARGE, and takes one of exactly the maximum', async () => {
      const { view, buyer } = await postedOrder();
      const exactly = Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES)]).subarray(0, MAX_BYTES);
      const over = Buffer.concat([exactly, Buffer.from('x')]);

      const e = await domainError(
        documents.upload(buyer, { orderId: view.order.id, fileName: 'big.pdf', bytes: over }),
      );
      expect(e.code).toBe(DocumentErrorCode.DOCUMENT_TOO_LARGE);
      expect(e.message).toBe('A document may have at most 64 KiB.');
      expect(e.details).toEqual({ maxBytes: MAX_BYTES });
      const doc = await documents.upload(buyer, { orderId: view.order.id, fileName: 'big.pdf', bytes: exactly });
      expect(doc.sizeBytes).toBe(MAX_BYTES);
    });

    it('rejects an empty file and a missing or empty name as VALIDATION_FAILED with the field', async () => {
      const { view, buyer } = await postedOrder();
      const orderId = view.order.id;
      const empty = await domainError(documents.upload(buyer, { orderId, fileName: 'a.pdf', bytes: Buffer.alloc(0) }));
      expect([empty.code, empty.field]).toEqual([ErrorCode.VALIDATION_FAILED, 'file']);
      const unnamed = await domainError(documents.upload(buyer, { orderId, fileName: ' ../ ', bytes: pdf() }));
      expect([unnamed.code, unnamed.field]).toEqual([ErrorCode.VALIDATION_FAILED, 'fileName']);
    });

    it('stores the sanitized name, never a path', async () => {
      const { view, buyer } = await postedOrder();
      const doc = await documents.upload(buyer, {
        orderId: view.order.id,
        fileName: '../../etc/\u202Erama:A1.pdf',
        bytes: pdf(),
      });
      expect(doc.fileName).toBe('rama_A1.pdf');
      expect(await filesOf(view.order.id)).toEqual([doc.id]);
    });

    it('removes the stored bytes when the row cannot be written', async () => {
      const { view, buyer } = await postedOrder();
      const failing = jest.spyOn(app.db, 'transaction').mockRejectedValueOnce(new Error('database went away'));
      try {
        await expect(
          documents.upload(buyer, { orderId: view.order.id, fileName: 'a.pdf', bytes: pdf() }),
        ).rejects.toThrow('database went away');
      } finally {
        failing.mockRestore();
      }
      expect(await filesOf(view.order.id)).toEqual([]);
      expect(await eventsOf(view.order.id)).toEqual([]);
    });

    it('answers ORDER_NOT_FOUND and removes the bytes when the order goes away while they are stored', async () => {
      const { view, buyer } = await postedOrder();
      const storage = app.module.select(DocumentsUnderTest).get<LocalDiskStorage>(DOCUMENT_STORAGE, { strict: true });
      const put = storage.put.bind(storage);
      const racing = jest.spyOn(storage, 'put').mockImplementationOnce(async (key, bytes) => {
        await put(key, bytes);
        await app.db.query(`DELETE FROM cooperative_order WHERE id = $1`, [view.order.id]);
      });
      try {
        const e = await domainError(
          documents.upload(buyer, { orderId: view.order.id, fileName: 'a.pdf', bytes: pdf() }),
        );
        expect(e.code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
      } finally {
        racing.mockRestore();
      }
      expect(await filesOf(view.order.id)).toEqual([]);
    });
  });

  describe('list', () => {
    it('shows an order’s documents, oldest first, to its buyer and to a supplier it is published to', async () => {
      const { view, buyer } = await postedOrder(true);
      const first = await documents.upload(buyer, { orderId: view.order.id, fileName: 'a.pdf', bytes: pdf() });
      const second = await documents.upload(buyer, {
        orderId: view.order.id,
        packageId: view.packages[0].id,
        fileName: 'b.png',
        bytes: png(),
      });
      const other = await postedOrder(true);
      await documents.upload(other.buyer, { orderId: other.view.order.id, fileName: 'c.pdf', bytes: pdf() });

      for (const actor of [buyer, await supplier()]) {
        expect((await documents.list(actor, view.order.id)).map((d) => d.id)).toEqual([first.id, second.id]);
      }
    });

    it('answers ORDER_NOT_FOUND to whoever may not see the order: a stranger, a supplier before it is published', async () => {
      const { view, buyer } = await postedOrder();
      await documents.upload(buyer, { orderId: view.order.id, fileName: 'a.pdf', bytes: pdf() });
      for (const actor of [actorFor(await insertUser(app.db)), await supplier()]) {
        expect((await domainError(documents.list(actor, view.order.id))).code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
      }
    });
  });

  describe('open', () => {
    it('gives the buyer and a supplier who sees the order the very bytes that were stored', async () => {
      const { view, buyer } = await postedOrder(true);
      const bytes = pdf();
      const doc = await documents.upload(buyer, { orderId: view.order.id, fileName: 'a.pdf', bytes });

      for (const actor of [buyer, await supplier()]) {
        const opened = await documents.open(actor, doc.id.toUpperCase());
        expect(opened.document).toMatchObject({ id: doc.id, sha256: sha256(bytes), mime: 'application/pdf' });
        expect(sha256(await readAll(opened.stream))).toBe(doc.sha256);
      }
    });

    it('answers DOCUMENT_NOT_FOUND alike for an order the caller may not see, an unknown id and a malformed one', async () => {
      const { view, buyer } = await postedOrder();
      const doc = await documents.upload(buyer, { orderId: view.order.id, fileName: 'a.pdf', bytes: pdf() });
      const stranger = actorFor(await insertUser(app.db));
      for (const [actor, id] of [
        [stranger, doc.id],
        [await supplier(), doc.id],
        [buyer, randomUUID()],
        [buyer, `${doc.id}/../x`],
      ] as const) {
        const e = await domainError(documents.open(actor, id));
        expect([e.code, e.message]).toEqual([DocumentErrorCode.DOCUMENT_NOT_FOUND, 'Document was not found.']);
      }
    });

    it('fails with DocumentBytesMissingError, before any byte is sent, when the stored file is gone', async () => {
      const { view, buyer } = await postedOrder();
      const doc = await documents.upload(buyer, { orderId: view.order.id, fileName: 'a.pdf', bytes: pdf() });
      await rm(join(root, documentStorageKey(view.order.id, doc.id)));
      await expect(documents.open(buyer, doc.id)).rejects.toBeInstanceOf(DocumentBytesMissingError);
    });
  });
});
