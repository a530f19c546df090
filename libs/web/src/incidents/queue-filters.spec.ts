import { exportQuery, listQuery, queueFilters, queueUrl } from './queue-filters';

describe('work-queue filters in the URL', () => {
  it('round-trips through the URL and becomes the list query', () => {
    const f = queueFilters({
      vis: 'due24',
      kommune: '151',
      status: 'triage',
      alvor: 'high',
      q: ' mail ',
      side: '3',
    });
    expect(queueUrl(f)).toBe('/haendelser?vis=due24&kommune=151&status=triage&alvor=high&q=mail&side=3');
    // A download is the whole filtered queue: the same filters, no page.
    expect(queueUrl(f, 'csv')).toBe(
      '/haendelser/eksport.csv?vis=due24&kommune=151&status=triage&alvor=high&q=mail',
    );
    expect(queueUrl(f, 'xlsx')).toBe(
      '/haendelser/eksport.xlsx?vis=due24&kommune=151&status=triage&alvor=high&q=mail',
    );
    expect(exportQuery(f)).not.toHaveProperty('limit');
    expect(exportQuery(f)).not.toHaveProperty('offset');
    expect(listQuery(f)).toEqual({
      dueWithinHours: 24,
      municipality: 151,
      status: ['triage'],
      severity: 'high',
      q: 'mail',
      limit: 25,
      offset: 50,
    });
    expect(listQuery(queueFilters({ vis: 'unassigned' }))).toMatchObject({ assignee: 'none', offset: 0 });
    expect(listQuery(queueFilters({ status: 'aabne' })).status).toEqual([
      'new',
      'triage',
      'in_progress',
      'contained',
      'resolved',
    ]);
  });

  it('ignores values that are not choices', () => {
    expect(queueFilters({ vis: 'x', kommune: '1; drop', status: 'open', alvor: 'huge', side: '-1' })).toEqual(
      {
        view: '',
        municipality: '',
        status: '',
        severity: '',
        q: '',
        page: 1,
      },
    );
  });
});
