/** Renderer entry: asks main for the first screen's data, then loads the app's code (React, Fluent UI) while the answers come. */
import './base.css';
import { requestFirstData } from './first-data';

const first = requestFirstData();
void import('./mount').then(({ mount }) => mount(first));
