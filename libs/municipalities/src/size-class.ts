/**
 * The size classes the statistics group municipalities by, keyed as the SQL function
 * municipality_size_class (migration 1795716000000-Statistics) names them, with their Danish labels.
 */
export const SIZE_CLASS_LABELS: Record<string, string> = {
  'under-30k': 'Under 30.000 indbyggere',
  '30k-50k': '30.000–49.999 indbyggere',
  '50k-100k': '50.000–99.999 indbyggere',
  '100k-plus': '100.000 indbyggere og derover',
};
