import { lazy, Suspense } from 'react';
import { LoadingState } from './LoadingState';

export interface StepPoint {
  /** Position on the x axis, e.g. a timestamp in ms. */
  x: number;
  y: number;
}

export interface StepChartProps {
  /** Each value holds from its own x until the next point's x. */
  points: readonly StepPoint[];
  /** The chart's text alternative (the canvas is an image to assistive technology). */
  label: string;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  yMax?: number;
  color?: string;
}

// chart.js is about 70 KB: only load it where a chart is shown, never in a shell's first load.
const StepChartCanvas = lazy(() => import('./StepChartCanvas'));

/**
 * A stepped line chart of a value over time (e.g. an absence percentage). Give it a table with the
 * same figures next to it: the chart is a picture, the table is the accessible source.
 */
export function StepChart(props: StepChartProps) {
  return (
    <Suspense fallback={<LoadingState />}>
      <StepChartCanvas {...props} />
    </Suspense>
  );
}
