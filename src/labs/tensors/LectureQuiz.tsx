import { EXAMPLES, type Example } from './examples';

interface Question {
  ask: string;
  /** The lecture's own words, when the question is from the lecture. */
  korean?: string;
  answer: string;
  example: string;
}

const QUESTIONS: readonly Question[] = [
  {
    korean: '위 input_data의 내용을 그림으로 그리면?',
    ask: 'Draw input_data.',
    answer:
      'A grid of 4 rows and 2 columns: one row per input of the AND gate, one column per input bit (x₁, x₂).',
    example: 'input_data',
  },
  {
    korean: '위 input_data의 shape는?',
    ask: 'What is the shape of input_data?',
    answer:
      '(4, 2): 4 along axis 0 (the four inputs), 2 along axis 1 (the two bits). Rank 2, size 8.',
    example: 'input_data',
  },
  {
    ask: 'And the shape of and_labels = tf.constant([0.0, 0.0, 0.0, 1.0])?',
    answer: '(4,): one axis of length 4, one label per input. Rank 1 — not (4, 1) and not (1, 4).',
    example: 'and_labels',
  },
  {
    ask: 'The lecture’s drawing of a rank-4 tensor has shape [3, 2, 4, 5]. How many numbers does it hold?',
    answer: '3 × 2 × 4 × 5 = 120: three stacks of two sheets of 4 × 5 grids.',
    example: 'rank 4 [3, 2, 4, 5]',
  },
];

/** The lecture's questions about input_data, answered by trying. */
export function LectureQuiz({ onTry }: { onTry: (example: Example) => void }) {
  return (
    <>
      <pre className="printout">
        input_data = tf.constant([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
      </pre>
      <ol className="quiz">
        {QUESTIONS.map((q) => {
          const example = EXAMPLES.find((e) => e.label === q.example)!;
          return (
            <li key={q.ask}>
              <p>
                {q.korean && <span lang="ko">{q.korean} </span>}
                {q.ask}{' '}
                <button type="button" onClick={() => onTry(example)}>
                  Try it
                </button>
              </p>
              <details>
                <summary>Answer</summary>
                <p>{q.answer}</p>
              </details>
            </li>
          );
        })}
      </ol>
    </>
  );
}
