/** The labs' settings as TensorFlow.js programs (ES modules, for Node or a browser). */
export { gatesTfjs } from './gatesTfjs';
export { fashionTfjs } from './fashionTfjs';
