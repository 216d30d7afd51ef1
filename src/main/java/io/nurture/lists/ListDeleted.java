package io.nurture.lists;

/**
 * A list is being deleted, in the transaction that deletes it: whoever keeps the list's id (an import's target) lets
 * go of it before its row goes.
 */
public record ListDeleted(String listId) {
}
