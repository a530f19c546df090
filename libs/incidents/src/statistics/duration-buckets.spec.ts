import { bucketOf, groupedMedian } from './duration-buckets';

describe('duration buckets', () => {
  it('puts a duration in the bucket whose lower bound it reaches', () => {
    expect(bucketOf(-1)).toBe(1);
    expect(bucketOf(0.5)).toBe(1);
    expect(bucketOf(1)).toBe(2);
    expect(bucketOf(30)).toBe(7);
    expect(bucketOf(5000)).toBe(13);
  });

  it('interpolates the median within the bucket of the middle incident', () => {
    // 4 incidents in [0,1), 4 in [24,48): the middle (n/2 = 4) is the end of the first bucket.
    expect(
      groupedMedian(
        new Map([
          [1, 4],
          [7, 4],
        ]),
      ),
    ).toBe(1);
    // 2 in [4,8), 2 in [8,12): half of 4 is reached at the end of [4,8).
    expect(
      groupedMedian(
        new Map([
          [4, 2],
          [5, 2],
        ]),
      ),
    ).toBe(8);
    // 3 in [12,24): 1.5 of 3 is halfway, 18 h, which no incident needs to have taken.
    expect(groupedMedian(new Map([[6, 3]]))).toBe(18);
    expect(groupedMedian(new Map())).toBeNull();
  });
});
