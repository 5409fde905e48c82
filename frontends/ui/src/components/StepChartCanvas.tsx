import { Chart as ChartJS, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { StepChartProps } from './StepChart';

ChartJS.register(LineController, LineElement, PointElement, LinearScale, Filler, Tooltip);

/** The chart.js part of StepChart, split off so chart.js loads only when needed. */
export default function StepChartCanvas({ points, label, formatX, formatY, yMax, color = '#154273' }: StepChartProps) {
  return (
    <div style={{ position: 'relative', width: '100%', height: 240 }}>
      <Line
        role="img"
        aria-label={label}
        data={{
          datasets: [
            {
              data: points.map((p) => ({ x: p.x, y: p.y })),
              stepped: 'before',
              borderColor: color,
              backgroundColor: `${color}33`,
              fill: 'origin',
              pointRadius: 4,
              pointBackgroundColor: color,
              borderWidth: 2,
            },
          ],
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          parsing: false,
          scales: {
            x: { type: 'linear', ticks: { callback: (value) => formatX(Number(value)), maxRotation: 0, autoSkip: true, maxTicksLimit: 5 } },
            y: { type: 'linear', min: 0, ...(yMax === undefined ? {} : { max: yMax }), ticks: { callback: (value) => formatY(Number(value)) } },
          },
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { title: (items) => formatX(items[0]?.parsed.x ?? 0), label: (item) => formatY(item.parsed.y ?? 0) } },
          },
        }}
      />
    </div>
  );
}
