import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadGoldSets } from '../../bench/extraction.bench.ts';
import { extractCandidates } from '../../src/domain/extraction/extract-candidates.ts';
import { loadDatasetCatalogue } from '../../src/ingestion/dataset-catalogue.ts';
import { interpolate } from '../../web/src/i18n/format.ts';
import { messages } from '../../web/src/i18n/messages.ts';
import { engineEvidence } from '../../web/src/ingest/engineEvidence.ts';

/**
 * Issue 19, "Chinese throughout": the extraction engine's evidence trail (written in English by
 * src/domain/extraction) reads in Chinese on the zh review page, every step the engine takes on the
 * five plans, and as the engine wrote it on the English page.
 */
const t = (lang: 'zh' | 'en') => (key: string, params?: Record<string, string | number>) =>
  interpolate((messages[lang] as Record<string, string>)[key] ?? key, params);

describe("the extraction engine's evidence trail in the page's language", () => {
  it('says every step the engine takes on the five plans in Chinese, with no Latin letter', async () => {
    const catalogue = await loadDatasetCatalogue();
    const steps = new Set<string>();
    for (const { raw } of await loadGoldSets()) {
      const out = extractCandidates(raw, { catalogue });
      for (const c of [...out.targets, ...out.tasks]) for (const e of c.evidence) steps.add(e);
    }
    assert.ok(steps.size > 10, `${steps.size} distinct steps`);
    const unsaid: string[] = [];
    for (const step of steps) {
      const zh = engineEvidence(step, { t: t('zh'), lang: 'zh' });
      if (zh === null || /[A-Za-z]/.test(zh)) unsaid.push(`${step} → ${zh}`);
    }
    assert.deepEqual(unsaid, []);
  });

  it('keeps the engine’s words on the English page', () => {
    assert.equal(engineEvidence('stated figure (no cue)', { t: t('en'), lang: 'en' }), 'stated figure (no cue)');
    assert.equal(engineEvidence('indicator: synonym', { t: t('zh'), lang: 'zh' }), '指标：按同义词识别');
    assert.equal(engineEvidence('cue: 提高N个百分点', { t: t('zh'), lang: 'zh' }), '提示词：提高若干个百分点');
  });
});
