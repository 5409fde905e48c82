import { ArcElement, Chart as ChartJS, Tooltip } from 'chart.js';
import { Pie } from 'react-chartjs-2';

ChartJS.register(ArcElement, Tooltip);

export interface PieSlice {
  label: string;
  value: number;
  color: string;
}

/** The chart.js part of DurationClassChart, split off so chart.js loads only when needed. */
export default function DurationClassPie({ slices, label }: { slices: readonly PieSlice[]; label: string }) {
  return (
    <div className="pw-chart">
      <Pie
        role="img"
        aria-label={label}
        data={{
          labels: slices.map((s) => s.label),
          datasets: [
            {
              data: slices.map((s) => s.value),
              backgroundColor: slices.map((s) => s.color),
              borderColor: '#ffffff',
              borderWidth: 2,
            },
          ],
        }}
        options={{
          responsive: true,
          maintainAspectRatio: true,
          animation: false,
          plugins: { legend: { display: false }, tooltip: { enabled: true } },
        }}
      />
    </div>
  );
}
