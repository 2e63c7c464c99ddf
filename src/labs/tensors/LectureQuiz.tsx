import { useTranslation } from 'react-i18next';
import { EXAMPLES, type Example, type ExampleId } from './examples';

interface Question {
  /** Its texts: `tensors.quiz.<key>.ask` and `.answer`. */
  key: 'drawIt' | 'shape' | 'labels' | 'rank4';
  /** The lecture's own words, when the question is from the lecture. */
  korean?: string;
  example: ExampleId;
}

const QUESTIONS: readonly Question[] = [
  { key: 'drawIt', korean: '위 input_data의 내용을 그림으로 그리면?', example: 'inputData' },
  { key: 'shape', korean: '위 input_data의 shape는?', example: 'inputData' },
  { key: 'labels', example: 'andLabels' },
  { key: 'rank4', example: 'rank4' },
];

/** The lecture's questions about input_data, answered by trying. */
export function LectureQuiz({ onTry }: { onTry: (example: Example) => void }) {
  const { t, i18n } = useTranslation();
  // In Korean the question is the lecture's own words: no need to quote them as well.
  const quote = i18n.resolvedLanguage !== 'ko';
  return (
    <>
      <pre className="printout">
        input_data = tf.constant([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
      </pre>
      <ol className="quiz">
        {QUESTIONS.map((q) => {
          const example = EXAMPLES.find((e) => e.id === q.example)!;
          return (
            <li key={q.key}>
              <p>
                {quote && q.korean && <span lang="ko">{q.korean} </span>}
                {t(`tensors.quiz.${q.key}.ask`)}{' '}
                <button type="button" onClick={() => onTry(example)}>
                  {t('tensors.quiz.tryIt')}
                </button>
              </p>
              <details>
                <summary>{t('tensors.quiz.answer')}</summary>
                <p>{t(`tensors.quiz.${q.key}.answer`)}</p>
              </details>
            </li>
          );
        })}
      </ol>
    </>
  );
}
