/** The office dashboard's entry (office.html): the office token's view of every unit. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Dashboard } from "./Dashboard";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} style={{ minHeight: "100%" }}>
        <Dashboard serverUrl={window.location.origin} />
      </FluentProvider>
    </StrictMode>,
  );
}
