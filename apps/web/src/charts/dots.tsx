'use client';

import { useLayoutEffect, useRef } from 'react';
import styles from './charts.module.css';

export interface Dot {
  key: string;
  x: number;
  y: number;
  title: string;
  /** Its own colour (a value's), instead of the accent. */
  fill?: string;
}

/** Above this many dots a scatter goes on a canvas: thousands of SVG circles make every frame slow. */
export const DOTS_CANVAS_THRESHOLD = 1500;

/** Scatter dots in plot coordinates: SVG circles with tooltips when few, one canvas when many. */
export function Dots({
  dots,
  width,
  height,
  radius = 3,
  opacity = 0.55,
  className = styles.dot,
}: {
  dots: readonly Dot[];
  width: number;
  height: number;
  radius?: number;
  opacity?: number;
  /** The SVG circles' class (few dots). */
  className?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const many = dots.length > DOTS_CANVAS_THRESHOLD;
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!many || !canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const accent = getComputedStyle(canvas).getPropertyValue('--accent').trim() || '#2f6feb';
    ctx.globalAlpha = opacity;
    const r = Math.min(radius, 2);
    // One path per colour: a fill call per dot would cost a call each.
    const byColor = new Map<string, Dot[]>();
    for (const d of dots) {
      const color = d.fill ?? accent;
      let group = byColor.get(color);
      if (!group) byColor.set(color, (group = []));
      group.push(d);
    }
    for (const [color, group] of byColor) {
      ctx.fillStyle = color;
      ctx.beginPath();
      for (const d of group) {
        ctx.moveTo(d.x + r, d.y);
        ctx.arc(d.x, d.y, r, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
  }, [many, dots, width, height, radius, opacity]);
  if (many) {
    return (
      <foreignObject width={width} height={height}>
        <canvas ref={ref} style={{ width, height, display: 'block' }} aria-hidden />
      </foreignObject>
    );
  }
  return (
    <g>
      {dots.map((d) => (
        <circle key={d.key} cx={d.x} cy={d.y} r={radius} className={className} fill={d.fill} fillOpacity={opacity}>
          <title>{d.title}</title>
        </circle>
      ))}
    </g>
  );
}
