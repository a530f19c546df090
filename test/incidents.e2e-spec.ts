import { createHash } from 'node:crypto';
import request from 'supertest';
import { AuditService } from '@app/audit';
import { copenhagenYear, IncidentClockEvents, IncidentsService } from '@app/incidents';
import {
  apiKeyCaller,
  as,
  Caller,
  hoursAgo,
  reportBody,
  resetIncidents,
  userCaller,
} from './support/incidents';
import { createTestApp, resetData, TestApp } from './support/test-app';

const OWN = 151; // Ballerup
const FOREIGN = 101; // København

describe('KommuneCERT incidents (e2e)', () => {
  let t: TestApp;
  let officer: Caller & { id: string };
  let cert: Caller & { id: string };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    await resetIncidents(t);
    officer = await userCaller(t, 'municipality_officer', OWN);
    cert = await userCaller(t, 'cert_analyst');
  });

  const report = (caller: Caller, body = reportBody(), key?: string) => {
    const req = as(request(t.http).post('/api/v1/incidents'), caller);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const year = copenhagenYear(new Date());

  it('reports an incident with a KCERT reference, status new, version 1 and its GDPR clock', async () => {
    const body = reportBody();
    const res = await report(officer, body).expect(201);
    expect(res.body).toMatchObject({
      reference: `KCERT-${year}-0001`,
      status: 'new',
      version: 1,
      municipalityCode: OWN,
      source: 'api',
      rsitClass: 'fraud',
      rsitType: 'phishing',
      allowedTransitions: ['triage', 'not_an_incident', 'duplicate'],
      personalDataBreach: { type: 'utilsigtet-videregivelse', approxSubjects: 40, notifiable: true },
    });
    expect(res.body.obligations).toEqual([
      expect.objectContaining({
        kind: 'gdpr-art33',
        dueAt: new Date(new Date(body.awareAt as string).getTime() + 72 * 3_600_000).toISOString(),
        submittedAt: null,
        overdue: false,
      }),
    ]);
    const got = await as(request(t.http).get(`/api/v1/incidents/${res.body.id}`), officer).expect(200);
    expect(got.body.reference).toBe(res.body.reference);
    const timeline = await as(
      request(t.http).get(`/api/v1/incidents/${res.body.id}/timeline`),
      officer,
    ).expect(200);
    expect(timeline.body).toEqual([expect.objectContaining({ kind: 'reported', actor: expect.any(String) })]);
  });

  it('an idempotent retry under concurrency makes one incident: 201 once, 200 with the same incident nine times', async () => {
    const body = reportBody();
    const replies = await Promise.all(Array.from({ length: 10 }, () => report(officer, body, 'siem-4711')));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(replies.every((r) => r.body.reference === `KCERT-${year}-0001`)).toBe(true);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM incidents');
    expect(n).toBe(1);

    const changed = await report(officer, { ...body, title: 'Another title' }, 'siem-4711').expect(422);
    expect(changed.body.message).toMatch(/Idempotency-Key was already used for KCERT-\d{4}-0001/);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Another municipality may use the same key for its own incident.
    const other = await userCaller(t, 'municipality_officer', FOREIGN);
    expect((await report(other, body, 'siem-4711').expect(201)).body.reference).toBe(`KCERT-${year}-0002`);
  });

  it("the reporter's own reference is an idempotency key too, unique per municipality", async () => {
    const body = reportBody({ reporterReference: 'BAL-2026-17' });
    const first = await report(officer, body).expect(201);
    const again = await report(officer, body).expect(200);
    expect(again.body.id).toBe(first.body.id);
    await report(officer, { ...body, severity: 'high' }).expect(422);
    // With a header key, a reused reporter reference is still refused, and no reference number is lost.
    const clash = await report(officer, { ...body, severity: 'high' }, 'fresh-key').expect(422);
    expect(clash.body.details).toEqual([expect.objectContaining({ field: 'reporterReference' })]);
    expect((await report(officer, reportBody()).expect(201)).body.reference).toBe(`KCERT-${year}-0002`);
  });

  it('concurrent intake from many municipalities gives gap-free, distinct references', async () => {
    const officers = await Promise.all(
      [151, 101, 147, 155, 157].map((c) => userCaller(t, 'municipality_officer', c)),
    );
    const replies = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        report(officers[i % officers.length], reportBody({ title: `Hændelse ${i}` })),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(25).fill(201));
    const refs = replies.map((r) => r.body.reference as string).sort();
    expect(refs).toEqual(
      Array.from({ length: 25 }, (_, i) => `KCERT-${year}-${String(i + 1).padStart(4, '0')}`),
    );
  });

  describe('tenant matrix: every route × role × a foreign incident', () => {
    it('refuses the wrong municipality (404) and the wrong role (403) on every route', async () => {
      const callers: Record<string, Caller> = {
        officer,
        foreignOfficer: await userCaller(t, 'municipality_officer', FOREIGN),
        cert,
        kl: await userCaller(t, 'kl_analyst'),
        admin: await userCaller(t, 'platform_admin'),
        apiKey: await apiKeyCaller(t, OWN),
        foreignApiKey: await apiKeyCaller(t, FOREIGN),
      };
      const id = (await report(officer).expect(201)).body.id as string;
      const version = async () =>
        (await t.db.query('SELECT version FROM incidents WHERE id = $1', [id]))[0].version as number;
      const comment = (
        await as(request(t.http).post(`/api/v1/incidents/${id}/comments`), officer).send({ body: 'x' })
      ).body.id as string;
      expect(comment).toBeDefined();
      const attachment = (
        await as(request(t.http).post(`/api/v1/incidents/${id}/attachments`), officer).attach(
          'file',
          Buffer.from('log line\n'),
          'log.txt',
        )
      ).body.id as string;
      expect(attachment).toBeDefined();

      type Route = { name: string; call: (c: Caller) => Promise<request.Response> };
      const base = `/api/v1/incidents/${id}`;
      const routes: Route[] = [
        { name: 'GET list', call: (c) => as(request(t.http).get('/api/v1/incidents'), c) },
        {
          name: 'POST report',
          call: (c) =>
            as(request(t.http).post('/api/v1/incidents'), c).send(reportBody({ municipalityCode: OWN })),
        },
        { name: 'GET :id', call: (c) => as(request(t.http).get(base), c) },
        {
          name: 'PATCH :id',
          call: async (c) =>
            as(request(t.http).patch(base), c).send({
              version: await version(),
              description: `by ${c.name}`,
            }),
        },
        {
          name: 'POST transitions',
          call: async (c) =>
            as(request(t.http).post(`${base}/transitions`), c).send({
              version: await version(),
              to: 'triage',
            }),
        },
        { name: 'GET comments', call: (c) => as(request(t.http).get(`${base}/comments`), c) },
        {
          name: 'POST comments',
          call: (c) => as(request(t.http).post(`${base}/comments`), c).send({ body: `from ${c.name}` }),
        },
        { name: 'GET timeline', call: (c) => as(request(t.http).get(`${base}/timeline`), c) },
        { name: 'GET obligations', call: (c) => as(request(t.http).get(`${base}/obligations`), c) },
        {
          name: 'POST obligations submit',
          call: (c) =>
            as(request(t.http).post(`${base}/obligations/gdpr-art33/submit`), c).send({
              submittedAt: hoursAgo(1),
              reference: `DT-${c.name}`,
            }),
        },
        { name: 'GET attachments', call: (c) => as(request(t.http).get(`${base}/attachments`), c) },
        {
          name: 'POST attachments',
          call: (c) =>
            as(request(t.http).post(`${base}/attachments`), c).attach(
              'file',
              Buffer.from('evidence\n'),
              'e.txt',
            ),
        },
        {
          name: 'GET attachment',
          call: (c) => as(request(t.http).get(`${base}/attachments/${attachment}`), c),
        },
      ];
      const ok = (route: string) => (route.startsWith('POST') && !route.includes('submit') ? 201 : 200);
      const expected = (route: Route, who: string): number => {
        if (who === 'kl' || who === 'admin') return 403;
        if (route.name === 'POST transitions') return who === 'cert' ? 200 : 403;
        if (route.name === 'POST report') {
          // Only KommuneCERT names a municipality; for the others it must be their own.
          return who === 'foreignOfficer' || who === 'foreignApiKey' ? 400 : ok(route.name);
        }
        if (route.name === 'GET list') return 200;
        if (who === 'foreignOfficer' || who === 'foreignApiKey') return 404;
        return ok(route.name);
      };
      const failures: string[] = [];
      for (const route of routes) {
        for (const [who, caller] of Object.entries(callers)) {
          const res = await route.call(caller);
          if (res.status !== expected(route, who)) {
            failures.push(
              `${route.name} as ${who}: ${res.status} (expected ${expected(route, who)}) ${res.text.slice(0, 160)}`,
            );
          }
          if (route.name === 'GET list' && res.status === 200) {
            const sees = (res.body.items as Array<{ id: string }>).some((i) => i.id === id);
            if (sees !== !who.startsWith('foreign')) failures.push(`GET list as ${who}: sees=${sees}`);
          }
        }
        const anonymous = await route.call({ name: 'anonymous', token: 'not-a-token' });
        if (anonymous.status !== 401) failures.push(`${route.name} without sign-in: ${anonymous.status}`);
      }
      expect(failures).toEqual([]);
    });
  });

  it('a stale write gets 409 with the current version, and a wrong transition 409 naming the allowed ones', async () => {
    const id = (await report(officer).expect(201)).body.id as string;
    const patched = await as(request(t.http).patch(`/api/v1/incidents/${id}`), officer)
      .send({ version: 1, description: 'Flere detaljer' })
      .expect(200);
    expect(patched.body.version).toBe(2);
    const stale = await as(request(t.http).patch(`/api/v1/incidents/${id}`), cert)
      .send({ version: 1, severity: 'high' })
      .expect(409);
    expect(stale.body.details).toEqual({ sentVersion: 1, currentVersion: 2 });
    expect(stale.body.code).toBe('INCIDENT_VERSION_CONFLICT');
    const staleTransition = await as(request(t.http).post(`/api/v1/incidents/${id}/transitions`), cert)
      .send({ version: 1, to: 'triage' })
      .expect(409);
    expect(staleTransition.body.details.currentVersion).toBe(2);

    const wrong = await as(request(t.http).post(`/api/v1/incidents/${id}/transitions`), cert)
      .send({ version: 2, to: 'closed' })
      .expect(409);
    expect(wrong.body.message).toBe(
      'An incident cannot go from new to closed; allowed: triage, not_an_incident, duplicate',
    );
    expect(wrong.body.details.allowed).toEqual(['triage', 'not_an_incident', 'duplicate']);
    expect(wrong.body.code).toBe('TRANSITION_NOT_ALLOWED');
    const [{ status, version }] = await t.db.query('SELECT status, version FROM incidents WHERE id = $1', [
      id,
    ]);
    expect({ status, version }).toEqual({ status: 'new', version: 2 });
  });

  it('KommuneCERT triages, assigns, marks duplicates and closes; the timeline holds every change; the audit chain verifies', async () => {
    const first = (await report(officer).expect(201)).body;
    const dup = (await report(officer, reportBody({ title: 'Samme phishing igen' })).expect(201)).body;
    const patch = (id: string, body: Record<string, unknown>, caller: Caller = cert) =>
      as(request(t.http).patch(`/api/v1/incidents/${id}`), caller).send(body);
    const move = (id: string, body: Record<string, unknown>) =>
      as(request(t.http).post(`/api/v1/incidents/${id}/transitions`), cert).send(body);

    // The officer may not assign or reclassify.
    await patch(first.id, { version: 1, assigneeId: cert.id }, officer).expect(403);
    await patch(first.id, { version: 1, rsitClass: 'intrusions', rsitType: 'phishing' }).expect(400);
    let v = (await patch(first.id, { version: 1, assigneeId: cert.id, severity: 'high' }).expect(200)).body
      .version;
    v = (await move(first.id, { version: v, to: 'triage' }).expect(200)).body.version;
    v = (await patch(first.id, { version: v, nis2Significant: 'yes', nis2Impact: 'yellow' }).expect(200)).body
      .version;
    for (const to of ['in_progress', 'contained', 'resolved', 'closed']) {
      const res = await move(first.id, { version: v, to, reason: `to ${to}` }).expect(200);
      v = res.body.version;
    }
    const closed = (await as(request(t.http).get(`/api/v1/incidents/${first.id}`), officer).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', assigneeId: cert.id, severity: 'high', version: v });
    expect(closed.containedAt).not.toBeNull();
    expect(closed.closedAt).not.toBeNull();
    expect(closed.obligations.map((o: { kind: string }) => o.kind).sort()).toEqual([
      'gdpr-art33',
      'nis2-early-warning',
      'nis2-final-report',
      'nis2-notification',
    ]);

    await move(dup.id, { version: 1, to: 'duplicate' }).expect(400);
    await move(dup.id, { version: 1, to: 'duplicate', duplicateOf: dup.reference }).expect(400);
    const marked = await move(dup.id, { version: 1, to: 'duplicate', duplicateOf: first.reference }).expect(
      200,
    );
    expect(marked.body).toMatchObject({ status: 'duplicate', duplicateOfId: first.id });
    await move(dup.id, { version: 2, to: 'not_an_incident' }).expect(409);

    const internal = await as(request(t.http).post(`/api/v1/incidents/${first.id}/comments`), cert)
      .send({ body: 'IOC: 203.0.113.7', internal: true })
      .expect(201);
    await as(request(t.http).post(`/api/v1/incidents/${first.id}/comments`), officer)
      .send({ body: 'Kun til CERT', tlp: 'red' })
      .expect(201);
    await as(request(t.http).post(`/api/v1/incidents/${first.id}/comments`), cert)
      .send({ body: 'Tak, vi kigger på det' })
      .expect(201);
    await as(request(t.http).post(`/api/v1/incidents/${first.id}/comments`), officer)
      .send({ body: 'hemmeligt', internal: true })
      .expect(403);

    const timeline = (
      await as(request(t.http).get(`/api/v1/incidents/${first.id}/timeline`), cert).expect(200)
    ).body;
    const kinds = timeline.map((e: { kind: string; field: string | null }) => `${e.kind}:${e.field ?? ''}`);
    expect(kinds).toEqual([
      'reported:',
      'field-changed:severity',
      'assigned:assigneeId',
      'status-changed:status',
      'field-changed:nis2Significant',
      'field-changed:nis2Impact',
      'obligations-recomputed:',
      ...['in_progress', 'contained', 'resolved', 'closed'].flatMap(() => [
        'status-changed:status',
        'field-changed:statusReason',
      ]),
      'comment-added:',
      'comment-added:',
      'comment-added:',
    ]);
    expect(timeline[1]).toMatchObject({ before: 'medium', after: 'high' });
    expect(timeline[2]).toMatchObject({ before: null, after: cert.id });

    // The municipality sees neither the internal nor the TLP:RED comment, nor their timeline entries.
    const shared = (
      await as(request(t.http).get(`/api/v1/incidents/${first.id}/comments`), officer).expect(200)
    ).body;
    expect(shared.map((c: { body: string }) => c.body)).toEqual(['Tak, vi kigger på det']);
    expect(JSON.stringify(shared)).not.toContain(internal.body.id);
    const officerTimeline = (
      await as(request(t.http).get(`/api/v1/incidents/${first.id}/timeline`), officer).expect(200)
    ).body;
    expect(officerTimeline).toHaveLength(timeline.length - 2);
    expect(JSON.stringify(officerTimeline)).not.toMatch(/IOC|Kun til CERT/);
    const certComments = (
      await as(request(t.http).get(`/api/v1/incidents/${first.id}/comments`), cert).expect(200)
    ).body;
    expect(certComments).toHaveLength(3);

    // Every change is in the audit log, in the same transactions, and the chain verifies.
    const audited = await t.db.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'incident.%' GROUP BY action ORDER BY action`,
    );
    expect(audited).toEqual([
      { action: 'incident.comment-added', n: 3 },
      { action: 'incident.reported', n: 2 },
      { action: 'incident.status-changed', n: 6 },
      { action: 'incident.updated', n: 2 },
    ]);
    const audit = t.app.get(AuditService);
    await audit.seal();
    expect(await audit.verifyChain()).toMatchObject({ ok: true, unsealed: 0, firstBreak: null });
  });

  it('recomputes the clocks when awareAt or the NIS2 assessment changes, and a late submission needs a reason', async () => {
    const changed: string[] = [];
    t.app.get(IncidentClockEvents).subscribe({ changed: async (id) => void changed.push(id) });
    const awareAt = hoursAgo(100);
    const created = (await report(officer, reportBody({ awareAt, nis2Significant: 'yes' })).expect(201)).body;
    expect(changed).toEqual([created.id]);
    const open = await t.app.get(IncidentsService).openObligations({ dueBefore: new Date() });
    expect(open.map((o) => o.kind)).toEqual(['nis2-early-warning', 'gdpr-art33', 'nis2-notification']);
    const due = (kind: string, list: Array<{ kind: string }>) =>
      list.find((o) => o.kind === kind) as Record<string, unknown>;
    expect(due('nis2-early-warning', created.obligations)).toMatchObject({ overdue: true });
    expect(created.overdue).toBe(true);
    const overdueList = await as(request(t.http).get('/api/v1/incidents?overdue=true'), cert).expect(200);
    expect(overdueList.body.items.map((i: { id: string }) => i.id)).toEqual([created.id]);

    const submit = (kind: string, body: Record<string, unknown>) =>
      as(request(t.http).post(`/api/v1/incidents/${created.id}/obligations/${kind}/submit`), officer).send(
        body,
      );
    const late = await submit('nis2-notification', { submittedAt: hoursAgo(1) }).expect(400);
    expect(late.body.details).toEqual([expect.objectContaining({ field: 'reasonForDelay' })]);
    await submit('nis2-notification', { submittedAt: hoursAgo(200) }).expect(400); // before awareAt
    await submit('unknown-kind', { submittedAt: hoursAgo(1) }).expect(400);
    const submittedAt = hoursAgo(1);
    const after = await submit('nis2-notification', {
      submittedAt,
      reference: 'CFCS-123',
      reasonForDelay: 'Weekend',
    }).expect(200);
    const notification = due('nis2-notification', after.body);
    expect(notification).toMatchObject({ reference: 'CFCS-123', late: true, overdue: false });
    const finalReport = due('nis2-final-report', after.body);
    expect(finalReport.anchorAt).toBe(new Date(submittedAt).toISOString());

    // NIS2 no longer significant: the unsubmitted NIS2 obligations go, the submitted one stays on record.
    const patched = await as(request(t.http).patch(`/api/v1/incidents/${created.id}`), officer)
      .send({ version: 1, nis2Significant: 'no', awareAt: hoursAgo(50) })
      .expect(200);
    expect(patched.body.obligations.map((o: { kind: string }) => o.kind).sort()).toEqual([
      'gdpr-art33',
      'nis2-notification',
    ]);
    await submit('nis2-early-warning', { submittedAt: hoursAgo(1) }).expect(409);
    expect(changed).toEqual([created.id, created.id, created.id]);
  });

  it('bad input gets a 4xx naming the field, and nothing is written', async () => {
    const cases: Array<[Record<string, unknown>, string, Caller?]> = [
      [reportBody({ rsitType: 'ddos' }), 'rsitType'],
      [reportBody({ rsitClass: 'hacking' }), 'rsitClass'],
      [reportBody({ awareAt: new Date(Date.now() + 3_600_000).toISOString() }), 'awareAt'],
      [reportBody({ awareAt: '2026-11-30T08:15:00' }), 'awareAt'],
      [reportBody({ occurredAt: hoursAgo(1), awareAt: hoursAgo(2) }), 'awareAt'],
      [
        reportBody({
          personalDataBreach: { type: 'andet', nature: ['integrity'], approxSubjects: -1, notifiable: true },
        }),
        'personalDataBreach.approxSubjects',
      ],
      [
        reportBody({ personalDataBreach: { type: 'andet', nature: ['integrity'], notifiable: false } }),
        'personalDataBreach.documentedOnlyReason',
      ],
      [reportBody({ severity: 'apocalyptic' }), 'severity'],
      [reportBody({ municipalityCode: 999 }), 'municipalityCode', cert],
      [reportBody(), 'municipalityCode', cert],
      [reportBody({ title: '' }), 'title'],
    ];
    for (const [body, field, caller] of cases) {
      const res = await report(caller ?? officer, body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(res.body.details)).toContain(`"field":"${field}"`);
    }
    await report(officer, reportBody(), 'bad key with spaces').expect(400);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM incidents');
    expect(n).toBe(0);
  });

  it('keeps attachments with their SHA-256, checks their content, and hides TLP:RED ones from the municipality', async () => {
    const id = (await report(officer).expect(201)).body.id as string;
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    const up = await as(request(t.http).post(`/api/v1/incidents/${id}/attachments`), officer)
      .attach('file', pdf, { filename: 'rapport.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(up.body).toMatchObject({
      fileName: 'rapport.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    const down = await as(request(t.http).get(`/api/v1/incidents/${id}/attachments/${up.body.id}`), officer)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(down.body as Buffer, pdf)).toBe(0);

    const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1');
    const refused = await as(request(t.http).post(`/api/v1/incidents/${id}/attachments`), officer)
      .attach('file', exe, { filename: 'faktura.pdf', contentType: 'application/pdf' })
      .expect(415);
    expect(refused.body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    await as(request(t.http).post(`/api/v1/incidents/${id}/attachments`), officer)
      .attach('file', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), 'big.txt')
      .expect(413);

    const red = await as(request(t.http).post(`/api/v1/incidents/${id}/attachments`), cert)
      .field('tlp', 'red')
      .attach('file', Buffer.from('IOC list\n'), 'iocs.txt')
      .expect(201);
    await as(request(t.http).get(`/api/v1/incidents/${id}/attachments/${red.body.id}`), officer).expect(404);
    await as(request(t.http).get(`/api/v1/incidents/${id}/attachments/${red.body.id}`), cert).expect(200);
    const listed = await as(request(t.http).get(`/api/v1/incidents/${id}/attachments`), officer).expect(200);
    expect(listed.body.map((a: { fileName: string }) => a.fileName)).toEqual(['rapport.pdf']);
  });

  it('lists with filters, free text and a total', async () => {
    const other = await userCaller(t, 'municipality_officer', FOREIGN);
    for (let i = 0; i < 3; i++) await report(officer, reportBody({ title: `Ballerup ${i}` })).expect(201);
    await report(
      other,
      reportBody({
        title: 'Ransomware på filserver',
        rsitClass: 'malicious-code',
        rsitType: 'infected-system',
        severity: 'critical',
      }),
    ).expect(201);
    const page = await as(request(t.http).get('/api/v1/incidents?limit=2'), cert).expect(200);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
    expect(page.body.items).toHaveLength(2);
    const q = await as(request(t.http).get('/api/v1/incidents?q=ransomware'), cert).expect(200);
    expect(q.body.items.map((i: { municipalityCode: number }) => i.municipalityCode)).toEqual([FOREIGN]);
    const bySeverity = await as(
      request(t.http).get('/api/v1/incidents?severity=critical&rsitClass=malicious-code'),
      cert,
    ).expect(200);
    expect(bySeverity.body.total).toBe(1);
    const byMunicipality = await as(
      request(t.http).get(`/api/v1/incidents?municipality=${OWN}`),
      cert,
    ).expect(200);
    expect(byMunicipality.body.total).toBe(3);
    const unassigned = await as(
      request(t.http).get('/api/v1/incidents?assignee=none&status=new'),
      cert,
    ).expect(200);
    expect(unassigned.body.total).toBe(4);
    const mine = await as(request(t.http).get('/api/v1/incidents?assignee=me'), cert).expect(200);
    expect(mine.body.total).toBe(0);
    // Every report's GDPR notification is due 70 hours from now.
    const soon = (q: string) => as(request(t.http).get(`/api/v1/incidents?${q}`), cert).expect(200);
    expect((await soon('dueWithinHours=71')).body.total).toBe(4);
    // The deadline queues put the nearest deadline first; reported one after another, the oldest
    // report has the nearest deadline, so that order is the reverse of newest first.
    const ids = (res: request.Response) => res.body.items.map((i: { id: string }) => i.id);
    const newestFirst = ids(await soon('limit=10'));
    expect(newestFirst).toHaveLength(4);
    expect(ids(await soon('dueWithinHours=71'))).toEqual([...newestFirst].reverse());
    expect((await soon('dueWithinHours=24')).body.total).toBe(0);
    expect((await soon('overdue=false')).body.total).toBe(4);
    expect((await soon('overdue=true')).body.total).toBe(0);
    const own = await as(request(t.http).get(`/api/v1/incidents?municipality=${FOREIGN}`), officer).expect(
      200,
    );
    expect(own.body.total).toBe(0);
    await as(request(t.http).get('/api/v1/incidents?limit=1000'), cert).expect(400);
    await as(request(t.http).get('/api/v1/incidents?status=open'), cert).expect(400);
    await as(request(t.http).get('/api/v1/incidents?status=new,opened'), cert).expect(400);
    expect((await soon('status=triage,new')).body.total).toBe(4);
    expect((await soon('status=triage,closed')).body.total).toBe(0);
  });
});
