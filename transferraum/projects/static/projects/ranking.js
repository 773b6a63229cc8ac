// The ranking on the apply page as a sortable list: buttons to add, remove and move projects
// (keyboard: the focus stays on the moved project, a live region says where it went) and
// drag-and-drop by the handle for the mouse. The page works without this file: each project has
// a rank select, and this script only keeps those selects in step with the order shown, so the
// server receives the same plain fields either way and stays the authority. The list of other
// projects is a page that htmx replaces (search, filters, page buttons): the ranking stays in
// the page, and the new page's projects are switched to buttons like the first.
(function () {
  "use strict";

  function init(root) {
    var chosen = root.querySelector("[data-ranking-chosen]");
    // The list of other projects is replaced with every search or page: ask for it each time.
    function availableList() {
      return root.querySelector("[data-ranking-available]");
    }
    var status = root.querySelector("[data-ranking-status]");
    var empty = root.querySelector("[data-ranking-empty]");
    var max = parseInt(root.getAttribute("data-max"), 10) || 0;
    var dragged = null;
    var marker = null;

    function message(name, values) {
      var text = root.getAttribute("data-msg-" + name) || "";
      Object.keys(values || {}).forEach(function (key) {
        text = text.split("{" + key + "}").join(String(values[key]));
      });
      return text;
    }

    function announce(text) {
      // Clearing first makes screen readers repeat an identical message.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = text;
      }, 60);
    }

    function itemsOf(list) {
      return Array.prototype.filter.call(list.children, function (node) {
        return node.hasAttribute("data-ranking-item");
      });
    }

    function titleOf(item) {
      return item.getAttribute("data-title");
    }

    function rankOf(item) {
      return itemsOf(chosen).indexOf(item) + 1;
    }

    function show(node, visible) {
      node.hidden = !visible;
    }

    function button(item, action) {
      return item.querySelector('[data-ranking-action="' + action + '"]');
    }

    // Put the items of the "available" list back in their original (alphabetical) order.
    function insertAvailable(item) {
      var available = availableList();
      var position = parseInt(item.getAttribute("data-position"), 10);
      var before = itemsOf(available).filter(function (other) {
        return parseInt(other.getAttribute("data-position"), 10) > position;
      })[0];
      available.insertBefore(item, before || null);
    }

    // Make every item show the controls of the list it is in, and set the rank selects.
    function sync() {
      itemsOf(chosen).forEach(function (item, index) {
        place(item, index + 1);
      });
      itemsOf(availableList()).forEach(function (item) {
        place(item, null);
      });
      if (empty) {
        show(empty, itemsOf(chosen).length === 0);
      }
    }

    // Show an item as ranked at `rank` (or not ranked: null) and set its rank select.
    function place(item, rank) {
      var ranked = rank !== null;
      var select = item.querySelector("[data-rank-select] select");
      if (select) {
        select.value = ranked ? String(rank) : "";
      }
      var label = item.querySelector("[data-rank-label]");
      label.querySelector(".kern-label").textContent = ranked ? message("rank", { rank: rank }) : "";
      show(label, ranked);
      show(button(item, "up"), ranked);
      show(button(item, "down"), ranked);
      show(button(item, "remove"), ranked);
      show(button(item, "add"), !ranked);
      show(item.querySelector("[data-motivation]"), ranked);
    }

    function isFull() {
      return max > 0 && itemsOf(chosen).length >= max;
    }

    function act(item, action) {
      var title = titleOf(item);
      if (action === "up") {
        var previous = item.previousElementSibling;
        if (!previous) {
          announce(message("first", { title: title }));
          return;
        }
        chosen.insertBefore(item, previous);
        sync();
        announce(message("moved", { title: title, rank: rankOf(item) }));
      } else if (action === "down") {
        var next = item.nextElementSibling;
        if (!next) {
          announce(message("last", { title: title }));
          return;
        }
        chosen.insertBefore(next, item);
        sync();
        announce(message("moved", { title: title, rank: rankOf(item) }));
      } else if (action === "add") {
        if (isFull()) {
          announce(message("full", { max: max }));
          return;
        }
        chosen.appendChild(item);
        sync();
        announce(message("added", { title: title, rank: rankOf(item) }));
        action = "up";
      } else if (action === "remove") {
        insertAvailable(item);
        sync();
        announce(message("removed", { title: title }));
        action = "add";
      }
      // The focus follows the project it acted on.
      button(item, action).focus();
    }

    root.addEventListener("click", function (event) {
      var control = event.target.closest("[data-ranking-action]");
      if (!control || !root.contains(control)) {
        return;
      }
      event.preventDefault();
      act(control.closest("[data-ranking-item]"), control.getAttribute("data-ranking-action"));
    });

    // --- drag and drop (mouse): only by the handle, so text in the motivation stays selectable
    function clearMarker() {
      if (marker) {
        marker.style.boxShadow = "";
        marker = null;
      }
    }

    // Where a drop at clientY would go in `list`: the item to insert before (null: at the end).
    function dropBefore(list, clientY) {
      var candidates = itemsOf(list).filter(function (item) {
        return item !== dragged;
      });
      for (var i = 0; i < candidates.length; i += 1) {
        var box = candidates[i].getBoundingClientRect();
        if (clientY < box.top + box.height / 2) {
          return candidates[i];
        }
      }
      return null;
    }

    root.addEventListener("dragstart", function (event) {
      var handle = event.target.closest && event.target.closest("[data-ranking-handle]");
      if (!handle) {
        return;
      }
      dragged = handle.closest("[data-ranking-item]");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", titleOf(dragged));
      if (event.dataTransfer.setDragImage) {
        event.dataTransfer.setDragImage(dragged, 16, 16);
      }
      dragged.style.opacity = "0.5";
    });

    function onDragOver(list) {
      return function (event) {
        if (!dragged) {
          return;
        }
        if (list === chosen && dragged.parentNode !== chosen && isFull()) {
          return;
        }
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        clearMarker();
        if (list === chosen) {
          var before = dropBefore(chosen, event.clientY);
          marker = before || chosen.lastElementChild;
          if (marker) {
            marker.style.boxShadow = before
              ? "0 -4px 0 0 currentColor"
              : "0 4px 0 0 currentColor";
          }
        }
      };
    }

    function onDrop(list) {
      return function (event) {
        if (!dragged) {
          return;
        }
        event.preventDefault();
        clearMarker();
        var item = dragged;
        var title = titleOf(item);
        var wasChosen = item.parentNode === chosen;
        if (list === chosen) {
          if (!wasChosen && isFull()) {
            announce(message("full", { max: max }));
            return;
          }
          chosen.insertBefore(item, dropBefore(chosen, event.clientY));
          sync();
          announce(
            message(wasChosen ? "moved" : "added", { title: title, rank: rankOf(item) })
          );
        } else if (wasChosen) {
          insertAvailable(item);
          sync();
          announce(message("removed", { title: title }));
        }
      };
    }

    chosen.addEventListener("dragover", onDragOver(chosen));
    chosen.addEventListener("drop", onDrop(chosen));
    // Drops on the other projects go to whichever page of them is shown.
    root.addEventListener("dragover", function (event) {
      var list = availableList();
      if (list && list.contains(event.target)) {
        onDragOver(list)(event);
      }
    });
    root.addEventListener("drop", function (event) {
      var list = availableList();
      if (list && list.contains(event.target)) {
        onDrop(list)(event);
      }
    });
    // An empty ranking still takes drops: its hint sits where the list would be.
    if (empty) {
      empty.addEventListener("dragover", onDragOver(chosen));
      empty.addEventListener("drop", onDrop(chosen));
    }

    root.addEventListener("dragend", function () {
      clearMarker();
      if (dragged) {
        dragged.style.opacity = "";
      }
      dragged = null;
    });

    // Switch from the selects to the sortable list (again for each new page of projects).
    function enhance() {
      root.querySelectorAll("[data-rank-select], [data-ranking-nojs]").forEach(function (node) {
        show(node, false);
      });
      root
        .querySelectorAll("[data-ranking-buttons], [data-ranking-handle], [data-ranking-js]")
        .forEach(function (node) {
          show(node, true);
        });
      root.querySelectorAll("[data-ranking-handle]").forEach(function (node) {
        node.style.cursor = "grab";
      });
      sync();
    }

    document.body.addEventListener("htmx:afterSettle", function (event) {
      if (root.contains(event.target)) {
        enhance();
      }
    });
    enhance();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-ranking]").forEach(init);
  });
})();
