/** Renders the pane at once; App then finds out whether it runs inside Excel. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

/** Shared by taskpane.html (main.tsx) and standalone.html (standalone-main.tsx). */
export function mountPane(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
        <App />
      </FluentProvider>
    </StrictMode>,
  );
}
