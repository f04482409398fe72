import { describe, expect, it } from 'vitest';
import { IdIndex, detectFormat, parseResponses, pickSplit, type ResponseLog } from '../src/index.js';

const vocabulary = () => ({ items: new IdIndex(), skills: new IdIndex() });
const rows = (log: ResponseLog) =>
  Array.from({ length: log.length }, (_, k) => [log.user[k], log.item[k], log.skill[k], log.correct[k]]);

describe('dataset formats', () => {
  it('reads the Gervet TSV (header, tab-separated) and keeps each user together in time order', () => {
    const text = 'user_id\titem_id\ttimestamp\tcorrect\tskill_id\n7\t100\t5\t1\t3\n9\t101\t1\t0\t4\n7\t102\t2\t0\t3\n';
    expect(detectFormat(text)).toBe('tsv');
    const log = parseResponses(text, vocabulary());
    // User "7" is index 0: its answer at t=2 comes before the one at t=5.
    expect(rows(log)).toEqual([
      [0, 2, 0, 0],
      [0, 0, 0, 1],
      [1, 1, 1, 0],
    ]);
    expect(Array.from(log.time!)).toEqual([2, 5, 1]);
    expect(log).toMatchObject({ numUsers: 2, numItems: 3, numSkills: 2 });
  });

  it('leaves time off when every timestamp is 0 (as in gervet2020)', () => {
    const log = parseResponses('user_id\titem_id\ttimestamp\tcorrect\tskill_id\n0\t1\t0\t1\t2\n', vocabulary());
    expect(log.time).toBeNull();
  });

  it('reads the DKT three-line format with trailing commas (skills stand in for items)', () => {
    const text = '3\n5,5,2,\n0,1,1,\n1\n7,\n0,\n';
    expect(detectFormat(text)).toBe('three-line');
    const log = parseResponses(text, vocabulary());
    expect(rows(log)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 1, 1, 1],
      [1, 2, 2, 0],
    ]);
  });

  it('reads the DKVMN three-line format (no trailing comma, 1-based skills)', () => {
    const log = parseResponses('2\n1,110\n1,0\n', vocabulary());
    expect(rows(log)).toEqual([
      [0, 0, 0, 1],
      [0, 1, 1, 0],
    ]);
  });

  it('reads the AKT four-line format with problem ids', () => {
    const text = '1274,82295\n1366,1366,1424\n7,9,7\n1,1,0\n';
    expect(detectFormat(text)).toBe('four-line');
    const log = parseResponses(text, vocabulary());
    expect(rows(log)).toEqual([
      [0, 0, 0, 1],
      [0, 0, 1, 1],
      [0, 1, 0, 0],
    ]);
  });

  it('rejects a three-line record whose count disagrees with its answers', () => {
    expect(() => parseResponses('3\n1,2\n0,1\n', vocabulary())).toThrow(/Record at line 1/);
  });

  it('shares the item vocabulary between train and test, so unseen test items lie past the train range', () => {
    const shared = vocabulary();
    const train = parseResponses('1\n4,\n1,\n', shared);
    const test = parseResponses('2\n4,8,\n1,0,\n', shared);
    expect(train.numItems).toBe(1);
    expect(Array.from(test.item)).toEqual([0, 1]);
  });

  it('picks the train/test pair of a directory, numbered folds included', () => {
    expect(pickSplit(['README', 'preprocessed_data_test.csv', 'preprocessed_data_train.csv', 'q_mat.npz'])).toEqual({
      train: 'preprocessed_data_train.csv',
      test: 'preprocessed_data_test.csv',
    });
    expect(pickSplit(['a_test.csv', 'a_train.csv', 'a_train1.csv', 'a_valid1.csv'])).toEqual({ train: 'a_train.csv', test: 'a_test.csv' });
    expect(pickSplit(['p_test1.csv', 'p_test2.csv', 'p_train1.csv', 'p_train2.csv'])).toEqual({ train: 'p_train1.csv', test: 'p_test1.csv' });
  });
});
