/** The start pages: My Console's own calls, and the supervisors' overview with its chart. */
package se.vittne.admin.web.home;
