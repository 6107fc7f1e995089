import { Text } from '@mantine/core';
import { useId } from 'react';

/**
 * Hours against the target as a bar whose figures are also written out (colour is never the only
 * cue): the filled part is the hours done, the dashed line the pro-rata pace. Printed with its
 * colours (`print-color-adjust`), as browsers drop backgrounds when printing.
 */
export function HoursProgress({ done, target, pace, text, paceText, label }: { done: number; target: number; pace: number; text: string; paceText: string; label: string }) {
  const id = useId();
  const share = (value: number) => (target > 0 ? Math.min(100, (value / target) * 100) : 100);
  return (
    <div>
      <Text id={`${id}-text`} fw={600}>
        {text}
      </Text>
      <div
        role="progressbar"
        aria-label={label}
        aria-describedby={`${id}-text ${id}-pace`}
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={Math.min(done, target)}
        aria-valuetext={text}
        style={{ position: 'relative', height: '1.5rem', marginTop: '0.5rem', background: '#e9ecef', border: '1px solid #495057', borderRadius: 3, printColorAdjust: 'exact' }}
      >
        <div style={{ width: `${share(done)}%`, height: '100%', background: '#1c5fb8', printColorAdjust: 'exact' }} />
        <div aria-hidden style={{ position: 'absolute', left: `calc(${share(pace)}% - 2px)`, top: '-0.35rem', bottom: '-0.35rem', borderLeft: '3px dashed #1f2328' }} />
      </div>
      <Text id={`${id}-pace`} size="sm" mt={6}>
        {/* The legend of the dashed line, drawn as it is. */}
        <span aria-hidden style={{ display: 'inline-block', height: '0.9rem', marginRight: '0.4rem', verticalAlign: 'middle', borderLeft: '3px dashed #1f2328' }} />
        {paceText}
      </Text>
    </div>
  );
}
