package se.vittne.admin.server;

import java.util.List;

/**
 * One page of a list that can be long.
 *
 * @param items the items on this page
 * @param offset how many items precede them
 * @param limit the most items a page holds
 * @param total how many items there are in all
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {
  public Page {
    items = List.copyOf(items);
  }

  /** A page cut from a list that is already in memory. */
  public static <T> Page<T> of(List<T> all, PageRequest request) {
    int from = Math.min(request.offset(), all.size());
    int to = Math.min(all.size(), from + request.limit());
    return new Page<>(all.subList(from, to), request.offset(), request.limit(), all.size());
  }
}
