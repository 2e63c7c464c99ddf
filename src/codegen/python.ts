/** The labs' settings as TensorFlow 2 (Keras) Python programs in the lecture's own style. */
export { gatesPython } from './gatesPython';
export { fashionPython } from './fashionPython';
