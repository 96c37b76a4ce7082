import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PurchaseQuarter } from '../../contract/store-customer.schema.ts';

/**
 * Revenue per quarter as bars: recharts lives in this file only, which the page loads lazily, so the console's
 * first page does not carry the chart library. Hidden from assistive technology: the table beside it says the same.
 */
export default function PurchasesChart({
  series,
  money,
}: {
  series: readonly PurchaseQuarter[];
  money: (cents: number) => string;
}) {
  const data = series.map((p) => ({ quarter: p.quarter, revenue: p.revenueCents }));
  return (
    <div className="purchases-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#dfe3ea" />
          <XAxis dataKey="quarter" tick={{ fontSize: 12, fill: '#5b6475' }} interval="preserveStartEnd" />
          <YAxis
            tickFormatter={(cents: number) => money(cents)}
            width={80}
            tick={{ fontSize: 12, fill: '#5b6475' }}
          />
          <Tooltip formatter={(cents) => money(Number(cents))} cursor={{ fill: '#e8efff' }} />
          <Bar dataKey="revenue" fill="#0b5fff" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
