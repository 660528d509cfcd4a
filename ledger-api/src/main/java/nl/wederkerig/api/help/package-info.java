/** HTTP resources for help in hours: the helper records it, the receiver confirms or disputes it. */
package nl.wederkerig.api.help;
