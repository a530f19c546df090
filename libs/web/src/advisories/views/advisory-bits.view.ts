import type { ResponseRateDto, ResponseStatus } from '@app/advisories';
import { formatNumber, formatPercent, html, SafeHtml } from '@app/ui';
import { NO_RESPONSE_LABEL, RESPONSE_STATUS_BADGES, RESPONSE_STATUS_LABELS } from '../advisory-labels';

export function responseBadge(status: ResponseStatus | null): SafeHtml {
  return status
    ? html`<span class="badge badge-${RESPONSE_STATUS_BADGES[status]}"
        >${RESPONSE_STATUS_LABELS[status]}</span
      >`
    : html`<span class="badge">${NO_RESPONSE_LABEL}</span>`;
}

/** "5 af 12 (41,7 %)": the municipalities that answered of those it was sent to. */
export function rateText(rate: ResponseRateDto): string {
  const share = rate.targeted === 0 ? 0 : (100 * rate.answered) / rate.targeted;
  return `${formatNumber(rate.answered)} af ${formatNumber(rate.targeted)} (${formatPercent(share)})`;
}

export const withdrawnBadge = html`<span class="badge badge-error">Trukket tilbage</span>`;
