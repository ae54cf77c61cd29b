/** Entry point: render at once, then find out whether we run inside Excel. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
        <App />
      </FluentProvider>
    </StrictMode>,
  );
}
