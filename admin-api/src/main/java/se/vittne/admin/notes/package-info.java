/**
 * Call notes: call result and customer response chosen from the tenant's categories, a flag
 * (none, red, green, blue) and a free-text call tag; read by anyone who sees the recording, changed
 * by supervisors, every change audited in the recording's history.
 */
package se.vittne.admin.notes;
