#ifndef KP_VERSION_H
#define KP_VERSION_H

#define KNOOPPUNT_VERSION "0.1.0"

#endif
