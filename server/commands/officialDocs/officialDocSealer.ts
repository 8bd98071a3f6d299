// 用印: a holder of the issuing unit's seal seals a numbered 公文. The document is laid out as a fixed PDF in GB/T 9704
// form with the seal over its 成文日期, signed with the seal's SM2 key (documentSeal.ts), stored encrypted like every
// file, registered as a use of the seal, and the route moves on to 'sealed' — all in one transaction with its audit
// event. The seal signs the attachments' manifest (each file's number, name, SM3 and size) with the PDF, so they are
// sealed with it. The sealed PDF is then what is distributed and what the verify endpoint recognises.
import { Readable } from 'node:stream';
import { sm3 } from 'sm-crypto-v2';
import type { RequestContext } from '../../audit/auditLog.ts';
import type { Subject } from '../../auth/subject.ts';
import { BadRequest, Conflict, InvalidState } from '../../errors.ts';
import { findGongwenFonts } from '../../export/gongwenFonts.ts';
import { renderGongwenPdf } from '../../export/pdfRenderers.ts';
import { authorize } from '../../policies/index.ts';
import { authorizeOfficialDocView, officialDocResource } from '../../policies/officialDocs.ts';
import { attachmentManifest, attachmentRows } from '../../queries/officialDocs/attachments.ts';
import { loadOfficialDoc, officialDocFacts, principalsOf } from '../../queries/officialDocs/officialDocFacts.ts';
import { sealResource } from '../../queries/seals/sealFacts.ts';
import { sealPdf } from '../../security/documentSeal.ts';
import { SealKeyStore } from '../../security/sealKeys.ts';
import type { Services } from '../../services.ts';
import { gongwenContent } from './officialDocRendering.ts';
import { runRouteAction } from './routeAction.ts';

const MAX_PDF_BYTES = 64 * 1024 * 1024;

export async function sealOfficialDoc(
  svc: Services,
  ctx: RequestContext,
  subject: Subject,
  id: string,
  input: { sealId: string },
): Promise<{ sealUseId: string; sm3: string; fileKey: string }> {
  // Lay out and sign first (seconds of work, outside any transaction); the transaction re-checks everything.
  const row = await loadOfficialDoc(svc.db, id);
  authorizeOfficialDocView(
    subject,
    officialDocResource(officialDocFacts(row), await principalsOf(svc.db, subject.id, ctx.at)),
  );
  const seal = await sealResource(svc.db, input.sealId);
  authorize(subject, 'seal.use', seal);
  if (seal.unitId !== row.unitId)
    throw new BadRequest('seal_wrong_unit', 'This seal belongs to another unit (印章不属于发文机关)');
  const registered = await svc.db.seal.findUniqueOrThrow({ where: { id: input.sealId }, select: { name: true } });
  const pair = new SealKeyStore(svc.config.keyDir).load(input.sealId);
  if (!pair)
    throw new InvalidState('seal_key_missing', 'The seal’s private key is not on this server (印章私钥不在本服务器上)');
  const fonts = findGongwenFonts();
  if (!fonts) throw new InvalidState('no_cjk_font', 'Laying out a 公文 needs Chinese fonts on the server (see README)');
  const content = await gongwenContent(svc, row, { at: ctx.at, seal: { unitName: registered.name } });
  const { pdf } = await renderGongwenPdf({ ...content, fonts, author: row.issuerSignature, createdAt: ctx.at });
  // Frozen since 签发 (the policies refuse changes), and the revision check below would see any change anyway.
  const manifest = attachmentManifest(await attachmentRows(svc.db, id));
  const identity = { sealId: input.sealId, unitId: row.unitId, unitName: registered.name };
  const sealed = sealPdf(pdf, identity, pair, ctx.at, manifest);
  const stored = await svc.files.put(Readable.from([sealed]), {
    maxBytes: MAX_PDF_BYTES,
    headBytes: 5,
    inspect: () => undefined,
  });
  const digest = sm3(pdf);

  let sealUseId = '';
  await runRouteAction(
    svc,
    ctx,
    subject,
    id,
    { action: 'seal' },
    {
      also: async (tx, current) => {
        // The document must not have changed since it was laid out, nor the seal's holders.
        if (current.revision !== row.revision)
          throw new Conflict('document_changed', 'The document changed while it was being sealed; seal it again');
        authorize(subject, 'seal.use', await sealResource(tx, input.sealId));
        const use = await tx.sealUse.create({
          data: {
            sealId: input.sealId,
            userId: subject.id,
            officialDocumentId: id,
            sm3: digest,
            fileKey: stored.sha256,
            attachments: JSON.stringify(manifest),
            at: ctx.at,
          },
        });
        sealUseId = use.id;
        return { sealId: input.sealId, sealUseId: use.id, sm3: digest, attachments: manifest.length };
      },
    },
  );
  return { sealUseId, sm3: digest, fileKey: stored.sha256 };
}
