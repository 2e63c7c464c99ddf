import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FASHION_CLASSES } from '../../data/fashionMnist';

/** The texts' names of the classes, in label order (FASHION_CLASSES holds Keras's own). */
const CLASS_KEYS = [
  'tshirt',
  'trouser',
  'pullover',
  'dress',
  'coat',
  'sandal',
  'shirt',
  'sneaker',
  'bag',
  'ankleBoot',
] as const satisfies { length: (typeof FASHION_CLASSES)['length'] };

/** The class names in the page's language (English: Keras's), and short ones for table headers. */
export function useClassNames(): { names: string[]; short: string[] } {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      names: CLASS_KEYS.map((k) => t(`fashion.classes.${k}`)),
      short: CLASS_KEYS.map((k) => t(`fashion.shortClasses.${k}`)),
    }),
    [t],
  );
}
