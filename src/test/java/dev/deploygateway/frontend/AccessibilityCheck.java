package dev.deploygateway.frontend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subset of axe's rules, checked on Chromium's own accessibility tree (DevTools {@code Accessibility.getFullAXTree})
 * and the DOM, for pages where axe-core itself is not available (the build has no copy of it): every control and
 * link has an accessible name (axe: button-name, link-name, label, select-name), list items sit in lists
 * (listitem), ids are unique (duplicate-id-aria), {@code aria-invalid} only on form fields, and nothing focusable
 * hides in {@code aria-hidden} (aria-hidden-focus). Returns the violations, as text; empty when clean.
 */
final class AccessibilityCheck {

    private static final Set<String> NAMED_ROLES = Set.of("button", "link", "textbox", "searchbox", "combobox",
            "checkbox", "radio", "spinbutton", "slider", "progressbar", "listbox", "log", "dialog");

    private AccessibilityCheck() {
    }

    @SuppressWarnings("unchecked")
    static List<String> violations(HeadlessChromium browser) {
        List<String> found = new ArrayList<>();
        Map<String, Object> tree = browser.driver().executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        nodes.forEach(n -> byId.put((String) n.get("nodeId"), n));
        for (Map<String, Object> node : nodes) {
            if (Boolean.TRUE.equals(node.get("ignored"))) {
                continue;
            }
            String role = value(node.get("role"));
            String name = value(node.get("name"));
            if (NAMED_ROLES.contains(role) && (name == null || name.isBlank())) {
                found.add("a " + role + " without an accessible name (backend node " + node.get("backendDOMNodeId")
                        + ")");
            }
            if ("listitem".equals(role)) {
                Map<String, Object> parent = byId.get((String) node.get("parentId"));
                while (parent != null && Set.of("generic", "none").contains(value(parent.get("role")))
                        && Boolean.TRUE.equals(parent.get("ignored"))) {
                    parent = byId.get((String) parent.get("parentId"));
                }
                String parentRole = parent == null ? null : value(parent.get("role"));
                if (!Set.of("list", "directory").contains(parentRole)) {
                    found.add("a listitem \"" + name + "\" inside " + parentRole + ", not a list");
                }
            }
        }
        found.addAll((List<String>) browser.script("""
                const out = [];
                const ids = new Map();
                document.querySelectorAll('[id]').forEach((e) => ids.set(e.id, (ids.get(e.id) || 0) + 1));
                ids.forEach((n, id) => { if (n > 1) out.push(`id "${id}" used ${n} times`); });
                document.querySelectorAll('[aria-invalid="true"]').forEach((e) => {
                  if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName)) out.push(`aria-invalid on a ${e.tagName}`);
                });
                document.querySelectorAll('[aria-hidden="true"] :is(a[href], button, input, select, textarea, [tabindex])')
                  .forEach((e) => { if (!e.disabled && e.tabIndex >= 0) out.push(`focusable ${e.tagName} in aria-hidden`); });
                // As axe does: only what is rendered (a hidden panel is filled in when it is shown).
                document.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls]').forEach((e) => {
                  if (e.closest('[hidden]')) return;
                  for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls']) {
                    for (const ref of (e.getAttribute(attr) || '').split(/\\s+/).filter(Boolean)) {
                      if (!document.getElementById(ref)) out.push(`${attr}="${ref}" names no element`);
                    }
                  }
                });
                return out;"""));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static String value(Object property) {
        if (!(property instanceof Map<?, ?> map)) {
            return null;
        }
        Object v = ((Map<String, Object>) map).get("value");
        return v == null ? null : v.toString();
    }
}
