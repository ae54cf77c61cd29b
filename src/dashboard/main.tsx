/** The inspection office's dashboard (dashboard.html): every unit's latest submission. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Dashboard } from "./Dashboard";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Dashboard />
      </FluentProvider>
    </StrictMode>,
  );
}
