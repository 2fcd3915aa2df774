import { z } from 'zod';
import { code, sourceSchema, text, userText } from '../model/common.schema.ts';
import { normaliseText } from '../text/normalise.ts';

/**
 * The key a label is matched on: NFKC, white space dropped, so 坚果（核桃）加工 and 坚果(核桃)加工 are one label.
 * Names are stored as written (issue 18) and shown on the map and the project board; only keys are folded.
 */
export const labelKey = (label: string): string => normaliseText(label).replace(/\s+/g, '');

/**
 * The industry-chain taxonomy of the industry map (dataset/industry-map/chains.yaml): the parks plan's
 * key industries (重点产业) and the chains (sub-industries) it names under them, each with the free-text
 * labels zones use for it and the sentence of the plan that names it.
 */
const sourced = {
  code: code(),
  name: userText(),
  nameEn: userText(),
  /** Free-text labels (zone.leadingIndustries) that name this entry; NFKC-normalised on load. */
  aliases: z.array(text()).default([]),
  source: sourceSchema.required({ plan: true }),
};

export const industrySchema = z.strictObject(sourced);
export const chainSchema = z.strictObject({ ...sourced, industry: code() });

export const chainTaxonomySchema = z
  .strictObject({
    industries: z.array(industrySchema).min(1),
    chains: z.array(chainSchema).min(1),
  })
  .superRefine((t, ctx) => {
    const industries = new Set(t.industries.map((i) => i.code));
    const seen = new Set<string>();
    // By folded key, as classifyIndustries matches: a name as written and an alias in the other width are one label.
    const aliasOwner = new Map<string, { code: string; industry: string }>();
    const entries = [
      ...t.industries.map((e, i) => ({ e, industry: e.code, path: ['industries', i] })),
      ...t.chains.map((e, i) => ({ e, industry: e.industry, path: ['chains', i] })),
    ];
    for (const { e, industry, path } of entries) {
      if (seen.has(e.code))
        ctx.addIssue({ code: 'custom', path: [...path, 'code'], message: `duplicate code ${e.code} / 代码重复` });
      seen.add(e.code);
      // One label may name one entry only, or a zone's chains would depend on the order of the file. The
      // exception: an industry and one of its own chains (卷烟及配套产业 is both); the chain, more precise, wins.
      for (const label of new Set([e.name, ...e.aliases])) {
        const a = labelKey(label);
        const owner = aliasOwner.get(a);
        const ownIndustry =
          owner !== undefined && owner.industry === industry && (owner.code === industry || e.code === industry);
        if (owner !== undefined && owner.code !== e.code && !ownIndustry)
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'aliases'],
            message: `label ${label} names both ${owner.code} and ${e.code} / 名称“${label}”同时指向 ${owner.code} 与 ${e.code}`,
          });
        if (owner === undefined) aliasOwner.set(a, { code: e.code, industry });
      }
    }
    t.chains.forEach((c, i) => {
      if (!industries.has(c.industry))
        ctx.addIssue({
          code: 'custom',
          path: ['chains', i, 'industry'],
          message: `unknown industry ${c.industry} / 未知产业 ${c.industry}`,
        });
    });
  });

export type ChainTaxonomy = z.output<typeof chainTaxonomySchema>;
export type Industry = ChainTaxonomy['industries'][number];
export type Chain = ChainTaxonomy['chains'][number];
