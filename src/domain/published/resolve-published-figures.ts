import type { DefinitionError } from '../plan-definition/definition-error.ts';
import { parsePeriod, periodBounds } from '../period/period.ts';
import { convertUnit } from '../reporting/units.ts';
import type { Citation, PublishedFiguresFile } from './published-figure.schema.ts';

/** A published figure ready to store: in the indicator's unit, with its citation. */
export interface ResolvedPublishedFigure {
  indicator: string;
  orgUnit: string;
  period: string;
  cumulative: boolean;
  /** In the indicator's catalogue unit. */
  value: string;
  citation: Citation;
}

export interface PublishedFigureCatalogue {
  /** Indicator code → its catalogue unit. */
  indicatorUnits: ReadonlyMap<string, string>;
  orgUnits: ReadonlySet<string>;
}

/**
 * Checks the published-figures file against the catalogue and converts each figure into its
 * indicator's unit. A figure is refused (never silently dropped) when its codes are unknown, its
 * source is not listed, its unit does not convert, its quote does not state the value as printed
 * (so a typo in either shows), the same slot is given twice, or the source appeared before the
 * period began.
 */
export function resolvePublishedFigures(
  file: PublishedFiguresFile,
  catalogue: PublishedFigureCatalogue,
  fileName: string,
): { figures: ResolvedPublishedFigure[]; errors: DefinitionError[] } {
  const errors: DefinitionError[] = [];
  const err = (field: string, message: string, messageZh: string) => errors.push({ file: fileName, field, message, messageZh });
  const sources = new Map<string, PublishedFiguresFile['sources'][number]>();
  file.sources.forEach((s, i) => {
    if (sources.has(s.id)) err(`sources.${i}.id`, `duplicate source id ${s.id}`, `来源编号 ${s.id} 重复`);
    sources.set(s.id, s);
  });
  const figures: ResolvedPublishedFigure[] = [];
  const slots = new Set<string>();
  file.figures.forEach((f, i) => {
    const at = (field: string) => `figures.${i}.${field}`;
    const before = errors.length;
    const unit = catalogue.indicatorUnits.get(f.indicator);
    if (unit === undefined) err(at('indicator'), `unknown indicator ${f.indicator}`, `指标 ${f.indicator} 不在指标目录中`);
    if (!catalogue.orgUnits.has(f.orgUnit)) err(at('orgUnit'), `unknown org unit ${f.orgUnit}`, `组织单元 ${f.orgUnit} 不存在`);
    const source = sources.get(f.source);
    if (!source) err(at('source'), `source ${f.source} is not listed under sources`, `来源 ${f.source} 未在 sources 中列出`);
    if (!f.quote.includes(f.published.value))
      err(at('quote'), `the quote does not state ${f.published.value}`, `引文中没有数值 ${f.published.value}`);
    const slot = `${f.orgUnit}|${f.indicator}|${f.period}|${f.cumulative}`;
    if (slots.has(slot)) err(at('period'), `a figure for ${slot} is given twice`, `同一单元、指标、期间的数值重复：${slot}`);
    slots.add(slot);
    const start = periodBounds(parsePeriod(f.period)!).start;
    if (source && source.publishedOn < start.slice(0, source.publishedOn.length))
      err(
        at('period'),
        `published ${source.publishedOn}, before the period ${f.period} began`,
        `来源发布于 ${source.publishedOn}，早于期间 ${f.period} 开始`,
      );
    const converted = unit === undefined ? null : convertUnit(f.published.value, f.published.unit, unit);
    if (converted && !converted.ok) err(at('published.unit'), converted.reason, converted.reasonZh);
    if (errors.length > before || !source || !converted?.ok) return;
    figures.push({
      indicator: f.indicator,
      orgUnit: f.orgUnit,
      period: f.period,
      cumulative: f.cumulative,
      value: converted.value,
      citation: {
        title: source.title,
        publisher: source.publisher,
        publishedOn: source.publishedOn,
        url: source.url,
        quote: f.quote,
        publishedValue: f.published.value,
        publishedUnit: f.published.unit,
      },
    });
  });
  return { figures, errors };
}
