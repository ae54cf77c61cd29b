/** taskpane.html's entry (the page Office loads, with office.js). */
import { mountPane } from "./mount";

mountPane();
