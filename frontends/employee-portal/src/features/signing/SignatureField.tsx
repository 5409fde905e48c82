import { Anchor, Box, Button, Group, Stack, Text, TextInput } from '@poortwachter/ui';
import { useEffect, useId, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { useMessages } from '../../messages';

const PEN_COLOR = '#0b2545';

/** A typed name rendered as a signature image (for people who cannot draw with a pointer). */
function typedSignature(name: string, width: number, height: number): string {
  const canvas = document.createElement('canvas');
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const context = canvas.getContext('2d');
  if (!context) return '';
  context.scale(ratio, ratio);
  context.fillStyle = PEN_COLOR;
  context.textBaseline = 'middle';
  let size = Math.min(44, height * 0.5);
  const font = (px: number) => `italic ${px}px "Segoe Script", "Brush Script MT", "URW Chancery L", cursive`;
  context.font = font(size);
  while (size > 12 && context.measureText(name).width > width - 24) {
    size -= 2;
    context.font = font(size);
  }
  context.fillText(name, 12, height / 2);
  return canvas.toDataURL('image/png');
}

/**
 * The signature box: draw with mouse, pen or finger (signature_pad), clear, or type the name
 * instead. Reports a PNG data URL, or null while the box is empty.
 */
export function SignatureField({
  onChange,
  disabled = false,
}: {
  onChange: (png: string | null) => void;
  disabled?: boolean;
}) {
  const { t } = useMessages();
  const labelId = useId();
  const helpId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [empty, setEmpty] = useState(true);
  const [typing, setTyping] = useState(false);
  const [typedName, setTypedName] = useState('');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: PEN_COLOR, minWidth: 0.8, maxWidth: 2.6 });
    padRef.current = pad;
    const report = () => {
      const isEmpty = pad.isEmpty();
      setEmpty(isEmpty);
      onChangeRef.current(isEmpty ? null : pad.toDataURL('image/png'));
    };
    // The canvas backing store must match its CSS size times the pixel ratio, or strokes land off the pointer.
    let lastWidth = 0;
    const resize = () => {
      const width = canvas.offsetWidth;
      if (!width || width === lastWidth) return;
      lastWidth = width;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const strokes = pad.toData();
      canvas.width = width * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      if (strokes.length > 0) pad.fromData(strokes);
    };
    resize();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(canvas);
    pad.addEventListener('endStroke', report);
    return () => {
      observer?.disconnect();
      pad.removeEventListener('endStroke', report);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    if (disabled) pad.off();
    else pad.on();
  }, [disabled]);

  const clear = () => {
    padRef.current?.clear();
    setTypedName('');
    setEmpty(true);
    onChange(null);
  };

  const type = (name: string) => {
    setTypedName(name);
    const pad = padRef.current;
    const canvas = canvasRef.current;
    if (!pad || !canvas) return;
    pad.clear();
    if (!name.trim()) {
      setEmpty(true);
      onChange(null);
      return;
    }
    const png = typedSignature(name.trim(), canvas.offsetWidth, canvas.offsetHeight);
    void pad.fromDataURL(png, { width: canvas.offsetWidth, height: canvas.offsetHeight }).then(() => {
      setEmpty(false);
      onChange(pad.toDataURL('image/png'));
    });
  };

  return (
    <Stack gap="xs">
      <Text id={labelId} fw={700}>
        {t('sign.padLabel')}
      </Text>
      <Text id={helpId} size="sm" c="dimmed">
        {t('sign.padHelp')}
      </Text>
      <Box
        style={{
          border: '2px dashed var(--mantine-color-gray-6)',
          borderRadius: 6,
          background: '#fff',
          position: 'relative',
        }}
      >
        <canvas
          ref={canvasRef}
          role="img"
          aria-labelledby={labelId}
          aria-describedby={helpId}
          data-testid="signature-canvas"
          style={{
            display: 'block',
            width: '100%',
            height: 180,
            touchAction: 'none',
            cursor: disabled ? 'not-allowed' : 'crosshair',
          }}
        />
        <Text
          size="xs"
          c="dimmed"
          style={{ position: 'absolute', left: 12, bottom: 6, pointerEvents: 'none' }}
          aria-hidden="true"
        >
          ✕ ______________________
        </Text>
      </Box>
      <Text size="sm" role="status" aria-live="polite">
        {empty ? t('sign.padEmpty') : t('sign.padFilled')}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Button variant="default" size="xs" onClick={clear} disabled={disabled || empty}>
          {t('sign.clear')}
        </Button>
        {!typing ? (
          <Anchor component="button" type="button" size="sm" onClick={() => setTyping(true)}>
            {t('sign.typeInstead')}
          </Anchor>
        ) : null}
      </Group>
      {typing ? (
        <TextInput
          label={t('sign.typedName')}
          description={t('sign.typedNameHelp')}
          value={typedName}
          onChange={(event) => type(event.currentTarget.value)}
          disabled={disabled}
          autoComplete="name"
        />
      ) : null}
    </Stack>
  );
}
