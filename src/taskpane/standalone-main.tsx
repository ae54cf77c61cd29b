/**
 * standalone.html's entry: the same pane on a page without office.js, so that outside Office
 * nothing is fetched from Microsoft and the host is known at once (no Office global).
 */
import { mountPane } from "./mount";

mountPane();
