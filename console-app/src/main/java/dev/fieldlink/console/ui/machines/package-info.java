/** The machine list: what the relay lets this technician see, with search, filters, sorting and live online state. */
package dev.fieldlink.console.ui.machines;
