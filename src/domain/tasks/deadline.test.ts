import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDeadline } from './deadline.ts';

describe('parseDeadline', () => {
  it('reads year-end forms as 31 December', () => {
    for (const t of ['2020年底前', '到2020年', '2020年前', '2020年', '２０２０年底前', ' 2020 年底 '])
      assert.equal(parseDeadline(t), '2020-12-31', t);
  });
  it('reads months, days, halves and quarters', () => {
    assert.equal(parseDeadline('2020年6月底前'), '2020-06-30');
    assert.equal(parseDeadline('2024年2月'), '2024-02-29');
    assert.equal(parseDeadline('2016年12月31日前'), '2016-12-31');
    assert.equal(parseDeadline('2021年上半年'), '2021-06-30');
    assert.equal(parseDeadline('2021年下半年'), '2021-12-31');
    assert.equal(parseDeadline('2022年第三季度'), '2022-09-30');
    assert.equal(parseDeadline('2022年一季度'), '2022-03-31');
    assert.equal(parseDeadline('2022-05-20'), '2022-05-20');
    assert.equal(parseDeadline('2025'), '2025-12-31');
  });
  it('takes the end of a span and the latest of several dates', () => {
    assert.equal(parseDeadline('2021—2025年'), '2025-12-31');
    assert.equal(parseDeadline('2018年启动,2020年完成'), '2020-12-31');
  });
  it('gives null where no date is named or the date is impossible', () => {
    for (const t of ['长期坚持', '持续推进', '每年', '', null, undefined, '2020年13月', '2021年2月30日'])
      assert.equal(parseDeadline(t), null, String(t));
  });
});
